// JSON as both dialects read it off the network: bounded in size and nesting, well-formed
// UTF-8 and Unicode, then checked against a zod schema. Never throws: a reason instead.
import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The first problem zod found, as "field.path: message". */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(message)';
  return `${where}: ${issue.message}`;
}

/** deepest nesting of arrays and objects read (no wire object needs more) */
export const MAX_JSON_NESTING = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

class LoneSurrogateError extends Error {}

function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
    throw new LoneSurrogateError('not well-formed Unicode (an escaped lone surrogate)');
  }
  return value;
}

/** Whether JSON text nests arrays and objects deeper than max (strings skipped natively). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end === -1) return false;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

export function parseJson(bytes: Uint8Array | string, maxBytes: number): Parsed<unknown> {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > maxBytes) return { ok: false, reason: `oversize: ${size} bytes (max ${maxBytes})` };
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8' };
  }
  if (LONE_SURROGATE.test(text)) return { ok: false, reason: 'not well-formed Unicode (a lone surrogate)' };
  // (JSON.parse itself copes with any depth, but its reviver and everything after it recurse)
  if (nestsDeeperThan(text, MAX_JSON_NESTING)) return { ok: false, reason: `nested deeper than ${MAX_JSON_NESTING} levels` };
  try {
    const value: unknown = ESCAPED_SURROGATE.test(text) ? JSON.parse(text, refuseLoneSurrogates) : JSON.parse(text);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof LoneSurrogateError) return { ok: false, reason: err.message };
    return { ok: false, reason: `invalid JSON: ${(err as Error).message}` };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkObject<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  if (!isRecord(value)) return { ok: false, reason: 'not a JSON object' };
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: describeIssues(result.error) };
}

export function checkTyped<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const typeName = isRecord(value) ? value.type : undefined;
  if (typeName === undefined) return { ok: false, reason: 'not a JSON object with a "type"' };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const unknownType = result.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'type');
  const shown = typeof typeName === 'string' ? JSON.stringify(typeName.slice(0, 40)) : `of kind ${Array.isArray(typeName) ? 'array' : typeof typeName}`;
  return { ok: false, reason: unknownType ? `unsupported type ${shown}` : describeIssues(result.error) };
}


/** JSON text (bounded) that must be one object of a typed schema. */
export function parseTyped<T>(schema: z.ZodType<T>, bytes: Uint8Array | string, maxBytes: number): Parsed<T> {
  const json = parseJson(bytes, maxBytes);
  return json.ok ? checkTyped(schema, json.value) : json;
}
