import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pb } from '../events.ts';
import { looksLikeV1Token } from './v1-password.ts';
import { encodeV1, parseV1Discovery, parseV1Message, V1, v1ToWireMessage, wireMessageToV1 } from './v1.ts';

const vector = (name: string) => readFileSync(new URL(`../../vectors/v1/${name}`, import.meta.url));

// The examples of WIRE.md, as given there (placeholders filled with valid values).
const wireMdExamples = {
  discovery: { type: 'discovery', node_id: 'abcd1234', node_name: 'User-host', ip: '192.168.1.100', port: 9999, timestamp: 1699123456.789 },
  chat: {
    type: 'chat', message_id: 'b7a4f6de-46a4-4c57-8a1d-3f0e6b0f1a2b', sender_id: 'abcd1234', sender_name: 'User-host',
    timestamp: 1699123456.789, content: 'hello',
  },
  file_chunk: {
    type: 'file_chunk', message_id: '0f4f8b8e-7d1c-4b7e-9a57-8c1e2f3a4b5c', sender_id: 'abcd1234', sender_name: 'User-host',
    timestamp: 1699123456.789, content: null, file_id: '9d2b0c4e-1f3a-4b5c-8d7e-6f5a4b3c2d1e', chunk_index: 0,
    chunk_data: Buffer.alloc(3, 7).toString('base64'),
    file_metadata: { filename: 'document.pdf', file_size: 3, file_hash: 'a'.repeat(64), total_chunks: 1 },
  },
};

describe('v1 wire schemas', () => {
  it('round trips the WIRE.md chat and file_chunk examples through the bus event form', () => {
    for (const example of [wireMdExamples.chat, wireMdExamples.file_chunk]) {
      const parsed = parseV1Message(JSON.stringify(example));
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (!parsed.ok) continue;
      const event = pb.WireMessage.decode(pb.WireMessage.encode(v1ToWireMessage(parsed.value)).finish());
      const back = wireMessageToV1(event);
      expect(back).toEqual(example);
      expect(JSON.parse(encodeV1(back).toString())).toEqual(example);
    }
  });

  it('round trips the WIRE.md discovery example', () => {
    const parsed = parseV1Discovery(JSON.stringify(wireMdExamples.discovery));
    expect(parsed).toEqual({ ok: true, value: wireMdExamples.discovery });
    if (parsed.ok) expect(JSON.parse(encodeV1(parsed.value).toString())).toEqual(wireMdExamples.discovery);
  });

  it('accepts the original app\'s discovery datagram', () => {
    const parsed = parseV1Discovery(vector('discovery.datagram.json'));
    expect(parsed.ok && parsed.value).toMatchObject({ node_id: '152c9256', node_name: 'Orig-Plain', ip: '127.0.0.2', port: 9999 });
  });

  it('accepts the original app\'s plain and encrypted chats, float timestamps and all', () => {
    const plain = parseV1Message(vector('chat.plain.tcp.json'));
    expect(plain.ok && plain.value).toMatchObject({ type: 'chat', content: 'hello from the original app', timestamp: 1795528698.3121579 });
    const secret = parseV1Message(vector('chat.encrypted.tcp.json'));
    expect(secret.ok).toBe(true);
    if (secret.ok && secret.value.type === 'chat') expect(looksLikeV1Token(secret.value.content)).toBe(true);
    if (plain.ok && plain.value.type === 'chat') expect(looksLikeV1Token(plain.value.content)).toBe(false);
  });

  it('reassembles the original app\'s three chunks (content: null) into its payload', () => {
    const payload = vector('file.payload.bin');
    const parts: Buffer[] = [];
    let hash = '';
    for (const i of [0, 1, 2]) {
      const parsed = parseV1Message(vector(`file_chunk.${i}.tcp.json`));
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (!parsed.ok || parsed.value.type !== 'file_chunk') return;
      expect(parsed.value.content).toBeNull();
      const event = v1ToWireMessage(parsed.value).fileChunk!;
      expect(event.chunkIndex).toBe(i);
      parts.push(Buffer.from(event.data!));
      hash = event.metadata!.fileHash!;
    }
    const whole = Buffer.concat(parts);
    expect(whole.equals(payload)).toBe(true);
    expect(createHash('sha256').update(whole).digest('hex')).toBe(hash);
  });

  it('does not depend on key order or spacing', () => {
    const reordered = `{ "content" :"x","timestamp":1.5 , "sender_name":"n","sender_id":"s","message_id":"m","type":"chat"}`;
    expect(parseV1Message(reordered).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"type": "chat", ', /invalid JSON/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
    ['a JSON array', '[1,2]', /not a JSON object/],
    ['an unknown type', '{"type":"peer_list"}', /unsupported type "peer_list"/],
    ['a chat without content', JSON.stringify({ ...wireMdExamples.chat, content: undefined }), /^content:/],
    ['a chat with null content', JSON.stringify({ ...wireMdExamples.chat, content: null }), /^content:/],
    ['a string timestamp', JSON.stringify({ ...wireMdExamples.chat, timestamp: 'now' }), /^timestamp:/],
    ['an index past the end', JSON.stringify({ ...wireMdExamples.file_chunk, chunk_index: 1 }), /^chunk_index:/],
    ['a chunk of the wrong size', JSON.stringify({ ...wireMdExamples.file_chunk, chunk_data: 'AAAAAAAA' }), /^chunk_data: expected 3 bytes/],
    ['bad base64', JSON.stringify({ ...wireMdExamples.file_chunk, chunk_data: 'AA$A' }), /^chunk_data: not standard base64/],
    ['a lying total_chunks', JSON.stringify({ ...wireMdExamples.file_chunk, file_metadata: { ...wireMdExamples.file_chunk.file_metadata, total_chunks: 2 } }), /total_chunks: expected 1/],
    ['a bad hash', JSON.stringify({ ...wireMdExamples.file_chunk, file_metadata: { ...wireMdExamples.file_chunk.file_metadata, file_hash: 'xyz' } }), /file_hash/],
  ])('rejects %s with a reason', (_what, input, reason) => {
    const parsed = parseV1Message(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('rejects an oversize message before parsing it', () => {
    const parsed = parseV1Message('x'.repeat(100), 64);
    expect(parsed).toEqual({ ok: false, reason: 'oversize: 100 bytes (max 64)' });
  });

  it('rejects a discovery datagram with a bad ip or port', () => {
    expect(parseV1Discovery(JSON.stringify({ ...wireMdExamples.discovery, ip: 'evil host' }))).toMatchObject({ ok: false, reason: /^ip:/ });
    expect(parseV1Discovery(JSON.stringify({ ...wireMdExamples.discovery, port: 70000 }))).toMatchObject({ ok: false, reason: /^port:/ });
    expect(parseV1Discovery('x'.repeat(V1.maxDatagramBytes + 1))).toMatchObject({ ok: false, reason: /^oversize/ });
  });

  it('refuses to encode a message the original could not read in one recv', () => {
    const big = { ...wireMdExamples.chat, content: 'x'.repeat(V1.maxMessageBytes) };
    expect(() => encodeV1(big as never)).toThrow(/must stay under 65536/);
  });
});
