import { describe, expect, it } from 'vitest';
import { canonicalJson } from './jcs.ts';

const fromBits = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC 3.2.2 sample: escapes, non-ASCII, numbers, literals', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 3.2.3), not by locale or code point', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      // (U+1F600 is the pair 0xD83D 0xDE00: before U+FB33 by code units, after it by code points)
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ peach: 1, péché: 2, pêche: 3, sin: 4 })).toBe('{"peach":1,"péché":2,"pêche":3,"sin":4}');
  });

  it('writes the RFC appendix B numbers as ECMAScript does', () => {
    const table: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of table) expect(canonicalJson(fromBits(bits)), bits).toBe(text);
  });

  it('writes the timestamps and integers our messages carry', () => {
    expect(canonicalJson({ timestamp: 1764072000.123, hop_limit: 7, chunk_index: 0, file_size: 2 ** 53 - 1 })).toBe(
      '{"chunk_index":0,"file_size":9007199254740991,"hop_limit":7,"timestamp":1764072000.123}',
    );
    expect(canonicalJson(1795528698.3121579)).toBe('1795528698.3121579');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('writes nested objects and arrays (the reference structures and arrays samples)', () => {
    const structures = JSON.parse('{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { }}') as unknown;
    expect(canonicalJson(structures)).toBe('{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}');
    expect(canonicalJson(JSON.parse('[56, {"d": true, "10": null, "1": [ ]}]'))).toBe('[56,{"1":[],"10":null,"d":true}]');
  });

  it('keeps non-ASCII, U+2028, DEL and unnormalized Unicode as they are; escapes only what JSON must', () => {
    expect(canonicalJson('\u1e0d\u0307')).toBe('"\u1e0d\u0307"');
    expect(canonicalJson('a\u2028b\u007fc</script>')).toBe('"a\u2028b\u007fc</script>"');
    expect(canonicalJson('\b\t\n\f\r\u0000\u001f"\\')).toBe('"\\b\\t\\n\\f\\r\\u0000\\u001f\\"\\\\"');
    expect(canonicalJson({ '\u0080': 'Control\u007f', '</script>': 'Browser Challenge' })).toBe('{"</script>":"Browser Challenge","\u0080":"Control\u007f"}');
  });

  it('leaves out undefined properties, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
  });

  it('refuses what I-JSON cannot carry', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1n, undefined, () => 1, Symbol('s'), [undefined], '\ud800', { '\udc00': 1 }, Buffer.from('x'), new Date(0)]) {
      expect(() => canonicalJson(bad), String(typeof bad)).toThrow();
    }
  });

  it('agrees with JSON.parse: the canonical text parses back to the same value', () => {
    const value = { z: [1.5, { y: 'é\n', x: null }], a: true, m: -12e-7 };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
