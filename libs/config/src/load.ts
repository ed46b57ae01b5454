// Configuration: one zod object schema per service, read from a JSON file (--config or
// MESH_CONFIG), then MESH_* environment variables, then --flags, later ones winning.
// Field `gatewayPort` is `--gateway-port` and `MESH_GATEWAY_PORT`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

type Kind = 'string' | 'number' | 'boolean' | 'array';

export const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const envName = (key: string): string => `MESH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function kindOf(type: z.core.$ZodType): Kind {
  const def = type._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  if (def.innerType) return kindOf(def.innerType);
  if (def.type === 'pipe' && def.in) return kindOf(def.in);
  if (def.type === 'number' || def.type === 'boolean' || def.type === 'array') return def.type;
  return 'string';
}

function fromText(kind: Kind, text: string): unknown {
  if (kind === 'number') return text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text);
  if (kind === 'boolean') return /^(1|true|yes|on)$/i.test(text) ? true : /^(0|false|no|off)$/i.test(text) ? false : text;
  if (kind === 'array') return text.split(',').map((s) => s.trim()).filter(Boolean);
  return text;
}

export interface LoadOptions {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function loadConfig<S extends z.ZodObject>(schema: S, opts: LoadOptions = {}): z.infer<S> {
  const env = opts.env ?? process.env;
  const shape = schema.shape as Record<string, z.core.$ZodType>;
  const kinds = Object.fromEntries(Object.entries(shape).map(([k, t]) => [k, kindOf(t)]));

  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { config: { type: 'string' } };
  for (const [key, kind] of Object.entries(kinds)) {
    options[kebab(key)] = { type: kind === 'boolean' ? 'boolean' : 'string', multiple: kind === 'array' };
  }
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: opts.argv ?? process.argv.slice(2), options, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new ConfigError((err as Error).message, err);
  }

  const merged: Record<string, unknown> = {};
  const file = (values.config as string | undefined) ?? env.MESH_CONFIG;
  if (file) Object.assign(merged, readConfigFile(file));
  for (const [key, kind] of Object.entries(kinds)) {
    const fromEnv = env[envName(key)];
    if (fromEnv !== undefined) merged[key] = fromText(kind, fromEnv);
    const flag = values[kebab(key)];
    if (flag !== undefined) merged[key] = Array.isArray(flag) || typeof flag === 'boolean' ? flag : fromText(kind, flag as string);
  }

  const result = schema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const where = key in kinds ? `--${kebab(key)} (${envName(key)})` : key || 'config';
    throw new ConfigError(`invalid configuration: ${where}${issue.path.length > 1 ? `[${issue.path.slice(1).join('.')}]` : ''}: ${issue.message}`);
  }
  return result.data;
}

function readConfigFile(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`config file ${path}: ${(err as Error).message}`, err);
  }
}

/** Flags of a schema, for --help: "--gateway-port <number>  description (MESH_GATEWAY_PORT)". */
export function describeConfig(schema: z.ZodObject, keys: string[] = Object.keys(schema.shape)): string {
  const shape = schema.shape as Record<string, z.ZodType>;
  return keys
    .map((key) => [key, shape[key]!] as const)
    .map(([key, type]) => {
      const kind = kindOf(type);
      const arg = kind === 'boolean' ? '' : ` <${kind === 'array' ? 'value' : kind}>${kind === 'array' ? '...' : ''}`;
      const fallback = defaultOf(type);
      const shown = fallback === undefined || (Array.isArray(fallback) && fallback.length === 0) ? '' : `, default ${JSON.stringify(fallback)}`;
      return `${`  --${kebab(key)}${arg}`.padEnd(34)} ${type.description ?? ''} (${envName(key)}${shown})`;
    })
    .join('\n');
}

function defaultOf(type: z.core.$ZodType): unknown {
  const def = type._zod.def as { type: string; defaultValue?: unknown; innerType?: z.core.$ZodType };
  if (def.type === 'default') return def.defaultValue;
  return def.innerType ? defaultOf(def.innerType) : undefined;
}
