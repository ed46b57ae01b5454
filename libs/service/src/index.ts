export { baseConfigSchema, describeConfig, envName, kebab, loadConfig, type LoadOptions } from './config.ts';
export { ConfigError } from './errors.ts';
export { createLogger, type Logger, type LoggerOptions } from './logger.ts';
export { runService, type ReadyMessage, type Service, type ServiceContext } from './run-service.ts';
