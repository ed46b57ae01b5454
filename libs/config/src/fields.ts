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

/** The network password: transport keys v2 links with it, router reads and writes v1 chat with it. One field, read by both. */
export const networkPassword = z
  .string()
  .min(1)
  .optional()
  .describe('network password: v2 links need it to form (scrypt, per-network salt); v1 chat is encrypted with it (never logged)');
