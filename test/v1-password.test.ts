import { readFile } from 'node:fs/promises';
import { v1IdOf } from '@meshwork/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNode, V1Peer, waitFor, type TestNode } from '@meshwork/testing';
import { messages, peers, say } from './helpers.ts';

// A meshwork node and original (v1) peers on one TCP port, so that they share the v1
// discovery port and meet by loopback broadcast. The node's password comes from the
// environment, never from a command line.
const PASSWORD = 'correct horse battery staple';
let node: TestNode;
let friend: V1Peer;
let stranger: V1Peer;

beforeAll(async () => {
  const port = await freePort('127.0.0.70');
  friend = new V1Peer('127.0.0.71', port, 'Orig-Friend', undefined, { password: PASSWORD });
  stranger = new V1Peer('127.0.0.72', port, 'Orig-Stranger', undefined, { password: 'another password' });
  await Promise.all([friend.start(), stranger.start()]);
  node = await startNode({ name: 'Modern', host: '127.0.0.70', port, env: { MESH_PASSWORD: PASSWORD } });
  await waitFor(async () => {
    const known = (await peers(node)).map((p) => p.nodeId);
    return known.includes(friend.nodeId) && known.includes(stranger.nodeId) && friend.peers.has(v1IdOf(node.nodeId));
  }, { what: 'discovery all ways', timeoutMs: 20_000 });
});

afterAll(async () => {
  await node?.stop();
  await Promise.all([friend?.stop(), stranger?.stop()]);
});

describe('a meshwork node on a password-protected v1 mesh', () => {
  it('reads an original node\'s chat under the password', async () => {
    await friend.sendChat('a secret from the original app');
    const got = await waitFor(async () => (await messages(node)).find((m) => m.senderName === 'Orig-Friend'), { what: 'the chat at the node' });
    expect(got).toMatchObject({ content: 'a secret from the original app', security: 'password' });
  });

  it('writes chat that the original node reads under the password, and only ciphertext crosses the wire', async () => {
    await say(node, 'hello under the password');
    const got = await waitFor(() => friend.chats.find((c) => c.text === 'hello under the password'), { what: 'the chat at the v1 friend' });
    expect(got.readable).toBe(true);
    expect(String(got.content)).toMatch(/^Z0FBQUFB/);
    expect(String(got.content)).not.toContain('hello');
  });

  it('says a chat under another password cannot be decrypted, and shows none of it', async () => {
    await stranger.sendChat('not for you');
    const got = await waitFor(async () => (await messages(node)).find((m) => m.senderName === 'Orig-Stranger'), { what: 'the stranger\'s chat' });
    expect(got).toMatchObject({ content: '', security: 'unreadable' });
    const printed = await node.mesh('messages');
    expect(printed.stdout).toMatch(/Orig-Stranger \(\w+\) \[unauthenticated v1\]: \[cannot decrypt \(wrong or no password\)\]/);
    expect(printed.stdout).not.toContain('Z0FBQUFB');
  });

  it('keeps the password out of every log line and every command line', async () => {
    expect(JSON.stringify(node.logs)).not.toContain(PASSWORD);
    expect(node.stderr.join('\n')).not.toContain(PASSWORD);
    for (const pid of Object.values((await node.state()).services)) {
      if (!pid) continue;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      expect(cmdline).not.toContain(PASSWORD);
    }
  });
});
