import { runService } from '@meshwork/service';
import { configSchema } from './config.ts';
import { createRouter } from './router.ts';

await runService('router', configSchema, createRouter);
