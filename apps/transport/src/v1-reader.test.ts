import { describe, expect, it } from 'vitest';
import { parseV1Message } from '@meshwork/protocol';
import { V1Reader } from './v1-reader.ts';

const chat = JSON.stringify({ type: 'chat', message_id: 'm-1', sender_id: 'abcd1234', sender_name: 'User-host', timestamp: 1699123456.789, content: 'héllo ✓' });
const bytes = Buffer.from(chat);

function read(pieces: Uint8Array[], max = 1024): Buffer {
  const reader = new V1Reader(max);
  for (const p of pieces) expect(reader.push(p)).toBe('ok');
  return reader.end();
}

describe('V1Reader', () => {
  it('joins a message split in pieces, multi-byte characters cut in half included', () => {
    const cut = bytes.indexOf(Buffer.from('✓')) + 1;
    const out = read([bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut)]);
    expect(out.equals(bytes)).toBe(true);
    expect(parseV1Message(out)).toMatchObject({ ok: true, value: { content: 'héllo ✓' } });
  });

  it('joins a message delivered one byte at a time', () => {
    const out = read([...bytes].map((b) => Uint8Array.of(b)));
    expect(out.toString()).toBe(chat);
  });

  it('returns a message delivered in one piece as is', () => {
    expect(read([bytes]).equals(bytes)).toBe(true);
  });

  it('says oversize as soon as the total passes the limit, and keeps saying it', () => {
    const reader = new V1Reader(10);
    expect(reader.push(Buffer.alloc(6))).toBe('ok');
    expect(reader.push(Buffer.alloc(4))).toBe('ok');
    expect(reader.push(Buffer.alloc(1))).toBe('oversize');
    expect(reader.push(Buffer.alloc(1))).toBe('oversize');
    expect(reader.size).toBe(12);
    expect(() => reader.end()).toThrow(/oversize/);
  });

  it('hands garbage back as bytes, which the v1 parser then refuses', () => {
    const out = read([Buffer.from('{"type": "chat", '), Buffer.from('garbage')]);
    expect(out.toString()).toBe('{"type": "chat", garbage');
    expect(parseV1Message(out)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid JSON/) });
  });

  it('gives an empty buffer for a connection that sent nothing', () => {
    expect(read([]).byteLength).toBe(0);
  });
});
