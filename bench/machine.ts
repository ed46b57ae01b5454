// The machine a bench ran on, as every result file names it.
import { cpus } from 'node:os';

export const machine = (): string => `${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}`;
