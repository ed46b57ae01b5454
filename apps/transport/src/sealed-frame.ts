// A sealed frame on a v2 link: {"type":"sealed","d":"<base64 AEAD ciphertext>"} on one line.
// Written in exactly that form; read in that form without a JSON parse (the hot path), or as
// any JSON object with those two fields.

const PREFIX = Buffer.from('{"type":"sealed","d":"');
const SUFFIX = Buffer.from('"}');
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The line (newline included) that carries ciphertext. */
export function encodeSealedFrame(ciphertext: Buffer): Buffer {
  const d = ciphertext.toString('base64');
  const out = Buffer.allocUnsafe(PREFIX.byteLength + d.length + SUFFIX.byteLength + 1);
  PREFIX.copy(out, 0);
  out.write(d, PREFIX.byteLength, 'latin1');
  SUFFIX.copy(out, PREFIX.byteLength + d.length);
  out[out.byteLength - 1] = 10;
  return out;
}

/** The length of the line (newline included) that carries ciphertextBytes bytes. */
export const sealedLineBytes = (ciphertextBytes: number): number => PREFIX.byteLength + Math.ceil(ciphertextBytes / 3) * 4 + SUFFIX.byteLength + 1;

/** The ciphertext of a sealed frame's line (newline excluded), or why it is not one. */
export function decodeSealedFrame(line: Buffer): { ok: true; ciphertext: Buffer } | { ok: false; reason: string } {
  let d: unknown;
  if (line.byteLength >= PREFIX.byteLength + SUFFIX.byteLength && line.subarray(0, PREFIX.byteLength).equals(PREFIX) && line.subarray(-SUFFIX.byteLength).equals(SUFFIX)) {
    d = line.toString('latin1', PREFIX.byteLength, line.byteLength - SUFFIX.byteLength);
  } else {
    try {
      const parsed: unknown = JSON.parse(line.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'sealed') return { ok: false, reason: 'not a sealed frame' };
      d = (parsed as { d?: unknown }).d;
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
  }
  if (typeof d !== 'string' || !BASE64.test(d)) return { ok: false, reason: 'sealed frame "d" is not standard base64' };
  return { ok: true, ciphertext: Buffer.from(d, 'base64') };
}
