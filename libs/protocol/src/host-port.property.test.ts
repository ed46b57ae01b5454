// Property-based tests of the one HOST:PORT parser: any text and any rules give an answer
// (never an exception), and what it accepts formats back to text that parses the same.
import { isIP, isIPv4 } from 'node:net';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatHostPort, isLoopbackHost, parseHostPort, type HostPort, type HostPortRules } from './host-port.ts';

const timeout = 60_000;

/** A host name as RFC 1123 has it (checked without the parser's regex). */
function isHostName(host: string): boolean {
  const labels = host.split('.');
  const label = (l: string) => l.length >= 1 && l.length <= 63 && /^[A-Za-z0-9-]+$/.test(l) && !l.startsWith('-') && !l.endsWith('-');
  return host.length <= 253 && labels.every(label) && !/^[\d.]+$/.test(host);
}

/** What an answer must be under rules: a reason, or a host and a port the rules allow. */
function expectAnswer(text: string, rules: HostPortRules | undefined, answer: HostPort | string): void {
  if (typeof answer === 'string') {
    expect(answer.length).toBeGreaterThan(0);
    return;
  }
  expect(Object.keys(answer).sort()).toEqual(['host', 'port']);
  const { minPort = 1, maxPort = 65535, names = true } = rules ?? {};
  const { host, port } = answer;
  expect(Number.isInteger(port) && port >= 0 && port <= 99999).toBe(true);
  if (!Number.isNaN(minPort)) expect(port).toBeGreaterThanOrEqual(minPort);
  if (!Number.isNaN(maxPort)) expect(port).toBeLessThanOrEqual(maxPort);
  const bracketed = text.startsWith('[');
  expect(bracketed ? isIP(host) === 6 : isIPv4(host) || (names && isHostName(host))).toBe(true);
  expect(text).toBe(`${bracketed ? `[${host}]` : host}:${text.slice(text.lastIndexOf(':') + 1)}`);
  expect(Number(text.slice(text.lastIndexOf(':') + 1))).toBe(port);
}

const weirdPortNumber = fc.oneof(fc.integer({ min: -10, max: 70_000 }), fc.double(), fc.constantFrom(0, 1, 65535, 65536, Number.NaN, Infinity, -Infinity, 0.5));
const rules: fc.Arbitrary<HostPortRules | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.record({ minPort: fc.constantFrom(0, 1, 1024), maxPort: fc.constantFrom(65535, 99999, 1024), names: fc.boolean() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ minPort: weirdPortNumber, maxPort: weirdPortNumber, names: fc.boolean() }, { requiredKeys: [] }) },
);

const hostPart = fc.oneof(
  fc.ipV4(),
  fc.ipV4Extended(),
  fc.ipV6(),
  fc.ipV6().map((h) => `[${h}]`),
  fc.domain(),
  fc.constantFrom(
    '', 'localhost', 'LOCALHOST', '127.0.0.1', '0.0.0.0', '255.255.255.255', '999.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '[::1]', '::1', '[]', '[', ']',
    '[127.0.0.1]', '[::1', '::1]', '[fe80::1%eth0]', 'a..b', '-a', 'a-', 'a_b', 'xn--bcher-kva.example', 'a'.repeat(63), 'a'.repeat(64), `${'a.'.repeat(126)}a`,
    `${'a.'.repeat(127)}a`, 'é.example', 'h st', 'h\u0000', '1e3', '٣',
  ),
  fc.string({ maxLength: 40 }),
);
const portPart = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 65535 }).map(String) },
  fc.nat(100_000).map(String),
  fc.constantFrom('', '0', '00080', '000000', '65535', '65536', '99999', '100000', '-1', '+80', '1e3', '0x50', ' 80', '80 ', '8 0', '80\n', '٣', '80:80', '８０'),
  fc.string({ maxLength: 8 }),
);
const separator = fc.oneof({ weight: 6, arbitrary: fc.constant(':') }, fc.constantFrom('::', '', ' :', ']:', '[:'));

/** Text that looks like HOST:PORT more often than not. */
const hostPortish = fc.tuple(hostPart, separator, portPart).map(([h, s, p]) => `${h}${s}${p}`);
const anyText = fc.oneof({ weight: 6, arbitrary: hostPortish }, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 2000 }));

describe('parseHostPort', () => {
  it.prop([anyText, rules], { numRuns: 3000 })('never throws, and answers a reason or a host and port the rules allow', (text, r) => {
    expectAnswer(text, r, parseHostPort(text, r));
  }, timeout);

  it.prop([anyText, rules], { numRuns: 3000 })('formats what it accepts back to text that parses the same', (text, r) => {
    const answer = parseHostPort(text, r);
    if (typeof answer === 'string') return;
    expect(parseHostPort(formatHostPort(answer), r)).toEqual(answer);
  }, timeout);

  const validHost = fc.oneof(fc.ipV4(), fc.ipV6(), fc.domain().filter(isHostName), fc.constantFrom('localhost', 'node-a', 'a'.repeat(63)));
  it.prop([validHost, fc.integer({ min: 1, max: 65535 })], { numRuns: 2000 })('takes every address or host name with any port', (host, port) => {
    expect(parseHostPort(formatHostPort({ host, port }))).toEqual({ host, port });
    if (host.includes(':') || isIPv4(host)) expect(parseHostPort(formatHostPort({ host, port }), { names: false })).toEqual({ host, port });
    else expect(typeof parseHostPort(formatHostPort({ host, port }), { names: false })).toBe('string');
  }, timeout);

  it.prop([fc.oneof(hostPart, anyText), fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255))], { numRuns: 1000 })(
    'isLoopbackHost never throws, takes all of 127/8, and only 127/8, ::1 and localhost',
    (text, [a, b, c]) => {
      expect(isLoopbackHost(`127.${a}.${b}.${c}`)).toBe(true);
      const loopback = isLoopbackHost(text);
      expect(typeof loopback).toBe('boolean');
      if (loopback) expect(text === '::1' || text.toLowerCase() === 'localhost' || /^127(\.\d{1,3}){3}$/.test(text)).toBe(true);
    },
    timeout,
  );
});
