// One pino factory: JSON with the service name and node id; pretty only in a terminal.
import pino, { type Logger } from 'pino';

/** Fields whose values never reach a log line, at the top level or one level down (config.password). */
const SECRET_FIELDS = ['token', 'natsToken', 'password', 'secret', 'clientSecret', 'authorization', 'cookie'];

export interface LoggerOptions {
  service: string;
  nodeId?: string;
  debug?: boolean;
  /** where JSON goes when not pretty (tests pass a stream) */
  destination?: pino.DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.debug ? 'debug' : 'info',
    base: { service: opts.service, node: opts.nodeId },
    redact: { paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: '[redacted]' },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (process.stdout.isTTY) return pino({ ...options, transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } });
  return pino(options);
}

export type { Logger };
