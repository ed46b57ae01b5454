import { describe, expect, it } from 'vitest';
import { formatHostPort, isLoopbackHost, parseHostPort } from './host-port.ts';

describe('parseHostPort', () => {
  it('takes an IPv4 address, a host name or a bracketed IPv6 address with a port', () => {
    expect(parseHostPort('127.0.0.2:9999')).toEqual({ host: '127.0.0.2', port: 9999 });
    expect(parseHostPort('node-a.local:1')).toEqual({ host: 'node-a.local', port: 1 });
    expect(parseHostPort('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
  });

  it('says what is wrong', () => {
    expect(parseHostPort('nothing')).toMatch(/is not HOST:PORT/);
    expect(parseHostPort('h:70000')).toMatch(/port 70000 is out of range 1-65535/);
    expect(parseHostPort('h:0')).toMatch(/out of range/);
    expect(parseHostPort('h:0', { minPort: 0 })).toEqual({ host: 'h', port: 0 });
    expect(parseHostPort('999.1.1.1:80')).toMatch(/is not an IP address or a host name/);
    expect(parseHostPort('localhost:80', { names: false })).toMatch(/is not an IPv4 address/);
    expect(parseHostPort('h:eighty')).toMatch(/port "eighty" is not a number/);
  });

  it('formats back', () => {
    expect(formatHostPort({ host: '::1', port: 1 })).toBe('[::1]:1');
    expect(formatHostPort({ host: '127.0.0.1', port: 2 })).toBe('127.0.0.1:2');
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.9.8.7', '::1', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '10.0.0.1', 'example.org', '::'].some(isLoopbackHost)).toBe(false);
  });
});
