// The router's configuration is declared once, in libs/config, where `mesh up` composes it with
// the other services'.
export { routerConfigSchema as configSchema, type RouterConfig as Config } from '@meshwork/config';
