import { runService } from '@meshwork/service';
import { configSchema } from './config.ts';
import { createTransport } from './transport.ts';

await runService('transport', configSchema, createTransport);
