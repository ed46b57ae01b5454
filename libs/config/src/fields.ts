// Field types the service schemas share.
import { isIPv4 } from 'node:net';
import { z } from 'zod';
import { parseHostPort, type HostPortRules } from '@meshwork/protocol';

export const positiveInt = () => z.number().int().positive();

export const ipv4 = () =>
  z.string().superRefine((s, ctx) => {
    if (!isIPv4(s)) ctx.addIssue({ code: 'custom', message: `"${s}" is not an IPv4 address` });
  });

/** A "HOST:PORT" string, checked by the one HOST:PORT parser. */
export const hostPort = (rules: HostPortRules = {}) =>
  z.string().superRefine((s, ctx) => {
    const parsed = parseHostPort(s, rules);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });
