// Nodes under test must never reach the machine's real network (DEVELOPERS.md, network
// safety): they run in a private network namespace holding only loopback, and discovery
// broadcasts go to the loopback broadcast address.
import { networkInterfaces } from 'node:os';

export const LOOPBACK_BROADCAST = '127.255.255.255';

export class UnsafeNetworkError extends Error {
  constructor(message: string) {
    super(`refusing to start nodes: ${message}. Run the tests inside a private network namespace (npm test does: unshare -n) with discovery on ${LOOPBACK_BROADCAST}.`);
    this.name = 'UnsafeNetworkError';
  }
}

const isLoopback = (address: string) => /^127\.\d+\.\d+\.\d+$/.test(address);

/** Throws unless this process sees loopback only, and every address given is loopback. */
export function assertPrivateNetwork(...addresses: string[]): void {
  for (const a of addresses) if (!isLoopback(a)) throw new UnsafeNetworkError(`${a} is not a loopback address`);
  const others = Object.entries(networkInterfaces()).filter(([, list]) => list?.some((i) => !i.internal));
  if (others.length > 0) throw new UnsafeNetworkError(`this network namespace has non-loopback interfaces (${others.map(([n]) => n).join(', ')})`);
}
