import { runService } from '@meshwork/service';
import { configSchema } from './config.ts';
import { createGateway } from './gateway.ts';

await runService('gateway', configSchema, createGateway);
