// SHA-256 of an open file, read in fixed-size pieces (never the whole file in memory).
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const PIECE = 1024 * 1024;

/** Hashes the first `size` bytes; throws if the file is shorter (it changed under us). */
export async function sha256OfFile(file: FileHandle, size: number, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(PIECE, Math.max(size, 1)));
  let position = 0;
  while (position < size) {
    signal?.throwIfAborted();
    const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, size - position), position);
    if (bytesRead === 0) throw new Error(`file ended at ${position} of ${size} bytes (it changed size)`);
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}
