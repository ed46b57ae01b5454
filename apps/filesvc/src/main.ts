import { runService } from '@meshwork/service';
import { configSchema } from './config.ts';
import { createFilesvc } from './filesvc.ts';

await runService('filesvc', configSchema, createFilesvc);
