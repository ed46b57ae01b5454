import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileView, MessageView, PeerView } from '@meshwork/protocol';
import type { TestNode } from '@meshwork/testing';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function randomFile(dir: string, name: string, size: number): Promise<{ path: string; sha256: string }> {
  const data = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, data);
  return { path, sha256: createHash('sha256').update(data).digest('hex') };
}

export const messages = (node: TestNode) => node.meshJson<MessageView[]>('messages');
export const files = (node: TestNode) => node.meshJson<FileView[]>('files');
export const peers = (node: TestNode) => node.meshJson<PeerView[]>('peers');

/** Sends a chat through the CLI; resolves with what it printed. */
export async function say(node: TestNode, text: string): Promise<string> {
  const r = await node.mesh('send', text);
  if (r.code !== 0) throw new Error(`mesh send failed: ${r.stderr}`);
  return r.stdout;
}
