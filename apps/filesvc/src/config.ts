// The filesvc's configuration is declared once, in libs/config, where `mesh up` composes it with
// the other services'.
export { filesvcConfigSchema as configSchema, type FilesvcConfig as Config } from '@meshwork/config';
