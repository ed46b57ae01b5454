// Process wiring shared by every service's main.ts: config, logger, bus, start, and a clean
// stop on SIGTERM/SIGINT or when the launcher that forked it goes away.
import type { Logger } from 'pino';
import type { z } from 'zod';
import { connectBus, type Bus } from '@meshwork/bus';
import { ConfigError, loadConfig, type baseConfigSchema } from '@meshwork/config';
import { createLogger } from './logger.ts';

export interface Service {
  /** resolves when the service does its job; what it returns is reported to the launcher */
  start(): Promise<Record<string, unknown> | void>;
  stop(): Promise<void>;
}

export interface ServiceContext<C> {
  config: C;
  log: Logger;
  bus: Bus;
}

/** A message a service sends its launcher over the IPC channel. */
export interface ReadyMessage {
  type: 'ready';
  service: string;
  info: Record<string, unknown>;
}

type BaseSchema = z.ZodObject<typeof baseConfigSchema.shape>;

/** A service exits with this (EX_CONFIG) when its configuration is invalid: restarting cannot help. */
export const CONFIG_EXIT_CODE = 78;

export async function runService<S extends BaseSchema>(
  name: string,
  schema: S,
  create: (ctx: ServiceContext<z.infer<S>>) => Service | Promise<Service>,
): Promise<void> {
  let log: Logger = createLogger({ service: name });
  // stopped by whoever has it running, at any moment: starting included (a launcher killed
  // while this service still waits for the bus must not leave it behind)
  let stop: (why: string) => Promise<void> = async () => process.exit(0);
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('disconnect', () => void stop('launcher gone'));
  if (process.send && !process.connected) process.exit(0);
  try {
    let config: z.infer<S>;
    try {
      config = loadConfig(schema);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      log.fatal(`${name} cannot start: ${err.message}`);
      process.exit(CONFIG_EXIT_CODE);
    }
    log = createLogger({ service: name, nodeId: config.nodeId, debug: config.debug });
    log.debug({ config }, 'configuration');
    const bus = await connectBus({ url: config.natsUrl, token: config.natsToken, name: `${name}@${config.nodeId}`, log });
    const service = await create({ config, log, bus });
    const info = (await service.start()) ?? {};
    log.info(info, `${name} started`);
    process.send?.({ type: 'ready', service: name, info } satisfies ReadyMessage);

    let stopping = false;
    stop = async (why: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ why }, `${name} stopping`);
      const force = setTimeout(() => process.exit(1), 5000);
      force.unref();
      await service.stop().catch((err: unknown) => log.error({ err }, 'stop failed'));
      await bus.close();
      process.exit(0);
    };
    // the launcher may have gone while this service started
    if (process.send && !process.connected) await stop('launcher gone');
  } catch (err) {
    if (err instanceof ConfigError) {
      // a port taken, say: restarting cannot help either
      log.fatal(`${name} cannot start: ${err.message}`);
      process.exit(CONFIG_EXIT_CODE);
    }
    log.fatal({ err }, `${name} failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });
}
