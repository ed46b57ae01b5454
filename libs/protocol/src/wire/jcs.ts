// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that v2 message
// signatures cover. ECMAScript's JSON.stringify already writes numbers and strings as JCS says
// (Number.prototype.toString, the shortest escapes, lowercase \u00xx); JCS adds sorted keys and
// refuses what I-JSON cannot carry.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new TypeError('JCS cannot encode a string with a lone surrogate');
  return JSON.stringify(s);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The RFC 8785 canonical JSON text of a value: object keys sorted by UTF-16 code units, no
 * whitespace, numbers as ECMAScript writes them. Object properties whose value is undefined are
 * left out (as JSON.stringify does); anything else JSON cannot hold (NaN, Infinity, bigint,
 * undefined in an array, lone surrogates, class instances such as Buffer) throws.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return canonicalString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`JCS cannot encode the number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value.map((item: unknown) => {
          if (item === undefined) throw new TypeError('JCS cannot encode undefined in an array');
          return canonicalJson(item);
        }).join(',')}]`;
      }
      if (!isPlainObject(value)) throw new TypeError(`JCS cannot encode a ${value.constructor?.name ?? 'non-plain'} object`);
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member !== undefined) members.push(`${canonicalString(key)}:${canonicalJson(member)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`JCS cannot encode a ${typeof value}`);
  }
}
