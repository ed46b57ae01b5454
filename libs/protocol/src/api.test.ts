import { describe, expect, it } from 'vitest';
import { api, clientEventSchema, messageViewSchema, sendChatBodySchema, uploadQuerySchema, type ClientEvent } from './api.ts';
import { describeIssues } from './wire/v1.ts';

describe('the client API contract', () => {
  it('puts every route under /api but the health check', () => {
    for (const [name, path] of Object.entries(api.routes)) expect(path).toMatch(name === 'health' ? /^\/healthz$/ : /^\/api\/[a-z]+\/?$/);
    expect(new Set(Object.values(api.routes)).size).toBe(Object.values(api.routes).length);
  });

  it('accepts a chat text up to 32 KiB of UTF-8 and names the field when it is empty or longer', () => {
    expect(sendChatBodySchema.safeParse({ text: 'hello' }).success).toBe(true);
    expect(sendChatBodySchema.safeParse({ text: 'x'.repeat(api.maxChatBytes) }).success).toBe(true);
    const empty = sendChatBodySchema.safeParse({ text: '' });
    expect(empty.success || describeIssues(empty.error)).toBe('text: must not be empty');
    // 'é' is two bytes: half as many characters already reach the limit
    const long = sendChatBodySchema.safeParse({ text: 'é'.repeat(api.maxChatBytes / 2 + 1) });
    expect(long.success || describeIssues(long.error)).toMatch(/^text: must be at most 32768 bytes/);
    const missing = sendChatBodySchema.safeParse({ message: 'hi' });
    expect(missing.success || describeIssues(missing.error)).toMatch(/^text: /);
  });

  it('wants a file name of 1 to 255 characters for an upload', () => {
    expect(uploadQuerySchema.safeParse({ name: 'a.txt' }).success).toBe(true);
    const r = uploadQuerySchema.safeParse({ name: '' });
    expect(r.success || describeIssues(r.error)).toBe('name: must not be empty');
    expect(uploadQuerySchema.safeParse({ name: 'x'.repeat(256) }).success).toBe(false);
  });

  it('parses each kind of WebSocket event and rejects an unknown one', () => {
    const message = { id: 'm1', senderId: 'abcd1234', senderName: 'A', timestamp: 1699123456.789, content: 'hi', security: 'plain', authenticated: false, direction: 'in', from: '127.0.0.1:9999' } as const;
    const peer = { nodeId: 'abcd1234', name: 'A', host: '127.0.0.1', port: 9999, lastSeen: 1, static: false, down: false, dialect: 'v1', linked: false } as const;
    const ref = { nodeId: 'abcd1234', address: '127.0.0.1:9999' };
    const events: ClientEvent[] = [
      { type: 'chat', message },
      { type: 'peer.joined', peer },
      { type: 'peer.left', peer, reason: 'timeout' },
      { type: 'file.progress', fileId: 'f', filename: 'a.txt', direction: 'in', bytesDone: 8192, size: 9000, chunksDone: 1, totalChunks: 2 },
      { type: 'file.received', fileId: 'f', filename: 'a.txt', size: 9000, sha256: 'ab'.repeat(32), senderId: 'abcd1234', senderName: 'A', authenticated: true },
      { type: 'file.failed', fileId: 'f', filename: 'a.txt', direction: 'out', reason: 'no peers' },
      { type: 'peer.updated', peer: { ...peer, down: true, lastError: 'connection refused', retryAt: 5 }, reason: 'down' },
      { type: 'file.sent', fileId: 'f', filename: 'a.txt', size: 9000, peers: [{ peer: ref, ok: true }, { peer: ref, ok: false, error: 'peer down' }] },
      { type: 'chat.delivery', messageId: 'm1', peer: ref, ok: false, error: 'connection refused' },
    ];
    for (const e of events) expect(clientEventSchema.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
    expect(clientEventSchema.safeParse({ type: 'chat.deleted', id: 'm1' }).success).toBe(false);
    expect(messageViewSchema.safeParse({ ...message, direction: 'sideways' }).success).toBe(false);
  });
});
