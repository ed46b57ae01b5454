export { baseConfigSchema, launcherSupplied, type BaseConfig } from './base.ts';
export { ConfigError } from './errors.ts';
export { hostPort, ipv4, positiveInt } from './fields.ts';
export { filesvcConfigSchema, type FilesvcConfig } from './filesvc.ts';
export { gatewayConfigSchema, type GatewayConfig } from './gateway.ts';
export { describeConfig, envName, kebab, loadConfig, type LoadOptions } from './load.ts';
export { routerConfigSchema, type RouterConfig } from './router.ts';
export { MAX_TCP_PORT, transportConfigSchema, type TransportConfig } from './transport.ts';
export { SERVICES, serviceConfigSchemas, serviceEnv, upConfigSchema, upOptionGroups, type ServiceName, type UpConfig } from './up.ts';
