// The gateway's configuration is declared once, in libs/config, where `mesh up` composes it with
// the other services'.
export { gatewayConfigSchema as configSchema, type GatewayConfig as Config } from '@meshwork/config';
