import { ConfigError } from './errors.ts';

/** Codes of bind() that a restart cannot change: the address is taken, or not this machine's. */
const UNBINDABLE = new Set(['EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES']);

/** A listen failure as the configuration problem it is (the service is then not restarted), or the error as it was. */
export function bindError(option: string, value: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code || !UNBINDABLE.has(code)) return err;
  const why = code === 'EADDRINUSE' ? 'the address is in use' : code === 'EACCES' ? 'permission denied' : 'not an address of this machine';
  return new ConfigError(`${option} ${value}: ${why} (${code}); choose another`, err);
}
