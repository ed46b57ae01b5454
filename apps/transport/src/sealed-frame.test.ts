import { describe, expect, it } from 'vitest';
import { parseLinkFrame } from '@meshwork/protocol';
import { decodeSealedFrame, encodeSealedFrame, sealedLineBytes } from './sealed-frame.ts';

const line = (text: string) => Buffer.from(text);

describe('sealed frame', () => {
  it('is written as the documented line, which the protocol parser reads as a sealed frame', () => {
    const ciphertext = Buffer.from('0123456789abcdef-sealed-bytes');
    const out = encodeSealedFrame(ciphertext);
    expect(String(out)).toBe(`{"type":"sealed","d":"${ciphertext.toString('base64')}"}\n`);
    expect(parseLinkFrame(out.subarray(0, -1))).toEqual({ ok: true, value: { type: 'sealed', d: ciphertext.toString('base64') } });
  });

  it('gives back the ciphertext of its own lines, whatever their length', () => {
    for (const n of [0, 1, 2, 3, 16, 17, 1000]) {
      const ciphertext = Buffer.alloc(n, n % 251);
      const out = encodeSealedFrame(ciphertext);
      expect(decodeSealedFrame(out.subarray(0, -1))).toEqual({ ok: true, ciphertext });
    }
  });

  it('knows the length of a line before sealing (what the back-pressure bound checks)', () => {
    for (const n of [0, 1, 2, 3, 4, 16, 17, 18, 1000, 65_536]) expect(sealedLineBytes(n), `${n} bytes`).toBe(encodeSealedFrame(Buffer.alloc(n)).byteLength);
  });

  it('reads a sealed frame written another way (field order, spaces) through the JSON parser', () => {
    expect(decodeSealedFrame(line('{ "d": "AAEC", "type": "sealed" }'))).toEqual({ ok: true, ciphertext: Buffer.from([0, 1, 2]) });
    expect(decodeSealedFrame(line('{"type":"sealed","d":"AAEC","extra":1}'))).toEqual({ ok: true, ciphertext: Buffer.from([0, 1, 2]) });
  });

  it('says why a line is not a sealed frame', () => {
    expect(decodeSealedFrame(line('garbage'))).toEqual({ ok: false, reason: 'not JSON' });
    expect(decodeSealedFrame(line(''))).toEqual({ ok: false, reason: 'not JSON' });
    expect(decodeSealedFrame(line('{"type":"ping"}'))).toEqual({ ok: false, reason: 'not a sealed frame' });
    expect(decodeSealedFrame(line('["sealed"]'))).toEqual({ ok: false, reason: 'not a sealed frame' });
    expect(decodeSealedFrame(line('null'))).toEqual({ ok: false, reason: 'not a sealed frame' });
    for (const d of ['"AA=A"', '"A"', '"AAE"', '"AA-_"', '"AA\\u0041A"', '12', 'null']) {
      const text = `{"type":"sealed","d":${d}}`;
      expect(decodeSealedFrame(line(text)), text).toEqual({ ok: false, reason: 'sealed frame "d" is not standard base64' });
    }
    // the fast path checks the base64 as strictly as the slow one
    expect(decodeSealedFrame(line('{"type":"sealed","d":"AA\\"}'))).toEqual({ ok: false, reason: 'sealed frame "d" is not standard base64' });
  });
});
