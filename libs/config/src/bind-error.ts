import { ConfigError } from './errors.ts';

/**
 * Codes of bind() that a restart cannot change: the port is taken, or not ours to take.
 * (EADDRNOTAVAIL is not one: an address can come back, when Wi-Fi reconnects, say.)
 */
const UNBINDABLE = new Set(['EADDRINUSE', 'EACCES']);

/** A listen failure as the configuration problem it is (the service is then not restarted), or the error as it was. */
export function bindError(option: string, value: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code || !UNBINDABLE.has(code)) return err;
  const why = code === 'EADDRINUSE' ? 'the address is in use' : 'permission denied';
  return new ConfigError(`${option} ${value}: ${why} (${code}); choose another`, err);
}
