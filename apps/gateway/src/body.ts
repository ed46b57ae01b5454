// Reading a JSON request body with a size cap.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.ts';

/** How long a JSON body may take to arrive (an upload is not JSON, and has no such limit). */
const BODY_TIMEOUT_MS = 10_000;

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'the body must be application/json');
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new HttpError(413, `the body is larger than ${maxBytes} bytes`);

  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.off('data', onData);
      reject(new HttpError(408, `the body did not arrive within ${BODY_TIMEOUT_MS / 1000} s`, { headers: { connection: 'close' } }));
    }, BODY_TIMEOUT_MS);
    req.once('close', () => clearTimeout(timer));
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // stop keeping it, but do not destroy the socket: the client should read the 413
      req.off('data', onData);
      req.resume();
      reject(new HttpError(413, `the body is larger than ${maxBytes} bytes`, { headers: { connection: 'close' } }));
    };
    req.on('data', onData);
    req.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.once('error', reject);
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'the body is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `invalid JSON: ${(err as Error).message}`);
  }
}
