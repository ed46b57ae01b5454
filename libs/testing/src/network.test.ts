import { describe, expect, it } from 'vitest';
import { assertPrivateNetwork, UnsafeNetworkError } from './network.ts';

describe('assertPrivateNetwork', () => {
  it('refuses a broadcast address outside loopback', () => {
    expect(() => assertPrivateNetwork('255.255.255.255')).toThrow(UnsafeNetworkError);
    expect(() => assertPrivateNetwork('10.0.0.255')).toThrow(/not a loopback address/);
  });

  it('accepts loopback addresses inside a namespace holding only loopback', () => {
    expect(() => assertPrivateNetwork('127.255.255.255', '127.0.0.2')).not.toThrow();
  });
});
