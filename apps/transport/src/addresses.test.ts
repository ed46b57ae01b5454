import { describe, expect, it } from 'vitest';
import { broadcastAddresses, isOnLoopback, refusedSource } from './addresses.ts';

describe('refusedSource', () => {
  const lan = { broadcast: ['192.168.1.255'], allowLoopback: false };
  const loop = { broadcast: ['127.255.255.255'], allowLoopback: true };

  it('accepts an ordinary unicast source', () => {
    expect(refusedSource('192.168.1.20', lan)).toBeUndefined();
    expect(refusedSource('10.0.0.1', lan)).toBeUndefined();
  });

  it('refuses unspecified, broadcast, multicast and reserved sources, saying which', () => {
    expect(refusedSource('0.0.0.0', lan)).toBe('source 0.0.0.0 is the unspecified address');
    expect(refusedSource('0.1.2.3', lan)).toBe('source 0.1.2.3 is the unspecified address range (0.0.0.0/8)');
    expect(refusedSource('255.255.255.255', lan)).toBe('source 255.255.255.255 is a broadcast address');
    expect(refusedSource('192.168.1.255', lan)).toBe('source 192.168.1.255 is a broadcast address');
    expect(refusedSource('127.255.255.255', loop)).toBe('source 127.255.255.255 is a broadcast address');
    expect(refusedSource('224.0.0.1', lan)).toBe('source 224.0.0.1 is a multicast address');
    expect(refusedSource('239.255.255.250', lan)).toBe('source 239.255.255.250 is a multicast address');
    expect(refusedSource('240.0.0.1', lan)).toBe('source 240.0.0.1 is a reserved address');
    expect(refusedSource('::1', lan)).toBe('source ::1 is not an IPv4 address');
  });

  it('refuses loopback sources unless the node itself is on loopback', () => {
    expect(refusedSource('127.0.0.1', lan)).toBe('source 127.0.0.1 is a loopback address and this node is not on loopback');
    expect(refusedSource('127.0.0.9', loop)).toBeUndefined();
  });
});

describe('isOnLoopback', () => {
  it('is true when the node binds or announces a 127.x address', () => {
    expect(isOnLoopback({ host: '127.0.0.2' }, '127.0.0.2')).toBe(true);
    expect(isOnLoopback({ host: '0.0.0.0' }, '127.0.0.1')).toBe(true);
    expect(isOnLoopback({ host: '0.0.0.0' }, '192.168.1.20')).toBe(false);
  });
});

describe('broadcastAddresses', () => {
  const nic = (address: string, netmask: string, internal = false) => ({ address, netmask, family: 'IPv4' as const, internal, mac: '', cidr: null });
  const interfaces = { lo: [nic('127.0.0.1', '255.0.0.0', true)], eth0: [nic('10.231.1.2', '255.255.255.0')], eth1: [nic('10.231.2.2', '255.255.0.0')] };

  it('broadcasts on every segment of a node bound to all interfaces, by directed broadcast', () => {
    expect(broadcastAddresses({ host: '0.0.0.0', broadcast: '255.255.255.255' }, interfaces)).toEqual(['10.231.1.255', '10.231.255.255']);
  });

  it('keeps an explicit broadcast address, and the default for a node bound to one address or with no LAN interface', () => {
    expect(broadcastAddresses({ host: '0.0.0.0', broadcast: '127.255.255.255' }, interfaces)).toEqual(['127.255.255.255']);
    expect(broadcastAddresses({ host: '10.231.1.2', broadcast: '255.255.255.255' }, interfaces)).toEqual(['255.255.255.255']);
    expect(broadcastAddresses({ host: '0.0.0.0', broadcast: '255.255.255.255' }, { lo: interfaces.lo })).toEqual(['255.255.255.255']);
  });
});
