// The downloads folder: moving a finished file in under a free name, and listing it.
import { copyFile, link, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { candidateName } from './filenames.ts';

/** Gives up after this many taken names (name_1 ... name_9999). */
const MAX_CANDIDATES = 10_000;
/** Codes of link() on a file system (or between two) that has no hard links. */
const NO_HARD_LINKS = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException)?.code;

/**
 * Moves the file at `from` into `dir` under `name` or the first free clash name
 * (name_1.ext, name_2.ext, ...). A name is taken atomically (link, or an exclusive create),
 * so an existing file is never replaced. `name` must already be one safe path segment.
 * Returns the name used.
 */
export async function moveIntoFolder(from: string, dir: string, name: string): Promise<string> {
  for (let n = 0; n < MAX_CANDIDATES; n++) {
    const candidate = candidateName(name, n);
    try {
      await link(from, join(dir, candidate));
    } catch (err) {
      if (code(err) === 'EEXIST') continue;
      if (NO_HARD_LINKS.has(code(err) ?? '')) return moveByReservation(from, dir, name, n);
      throw err;
    }
    // the file is saved; a partial left behind is removed at the next start
    await unlink(from).catch(() => undefined);
    return candidate;
  }
  throw new Error(`no free name for ${name} in ${dir} after ${MAX_CANDIDATES} tries`);
}

/** Without hard links: create the candidate exclusively, then rename (or copy) over it (exported for tests). */
export async function moveByReservation(from: string, dir: string, name: string, first: number): Promise<string> {
  for (let n = first; n < MAX_CANDIDATES; n++) {
    const candidate = candidateName(name, n);
    const target = join(dir, candidate);
    try {
      await (await open(target, 'wx')).close();
    } catch (err) {
      if (code(err) === 'EEXIST') continue;
      throw err;
    }
    try {
      await rename(from, target).catch(async (err: unknown) => {
        if (code(err) !== 'EXDEV') throw err;
        await copyFile(from, target);
        await unlink(from);
      });
      return candidate;
    } catch (err) {
      await rm(target, { force: true });
      throw err;
    }
  }
  throw new Error(`no free name for ${name} in ${dir} after ${MAX_CANDIDATES} tries`);
}

export interface StoredFile {
  filename: string;
  size: number;
  modified: number;
}

/** The regular files in dir (no folders, no symlinks), newest first, at most `max`. */
export async function listFolder(dir: string, max: number): Promise<StoredFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: StoredFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    try {
      const s = await stat(join(dir, entry.name));
      files.push({ filename: entry.name, size: s.size, modified: s.mtimeMs });
    } catch (err) {
      if (code(err) !== 'ENOENT') throw err;
    }
  }
  return files.sort((a, b) => b.modified - a.modified).slice(0, max);
}
