// The transport's configuration is declared once, in libs/config, where `mesh up` composes it with
// the other services'.
export { transportConfigSchema as configSchema, type TransportConfig as Config } from '@meshwork/config';
