import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateName, FALLBACK_NAME, MAX_NAME_BYTES, safeFilename, splitExt } from './filenames.ts';

const downloads = '/srv/mesh/downloads';

/** The name joined to the folder is a direct child of it, whatever n the clash rule reaches. */
function staysInside(raw: string): void {
  const safe = safeFilename(raw);
  for (const n of [0, 1, 2, 1234]) {
    const name = candidateName(safe, n);
    const path = resolve(downloads, name);
    expect(dirname(path), `${JSON.stringify(raw)} -> ${JSON.stringify(name)}`).toBe(downloads);
    expect(name).not.toMatch(/[/\\\0]/);
    expect(['', '.', '..']).not.toContain(name);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
  }
}

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['/abs', 'abs'],
    ['a\\b\\c.txt', 'c.txt'],
    ['C:\\x', 'x'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['nul\0byte.txt', 'nulbyte.txt'],
    ['line\nbreak\r.txt', 'linebreak.txt'],
    ['bell\x07 and del\x7f.txt', 'bell and del.txt'],
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['résumé 2024.pdf', 'résumé 2024.pdf'],
    ['.bashrc', '.bashrc'],
  ])('makes %j into %j', (raw, expected) => {
    expect(safeFilename(raw)).toBe(expected);
    staysInside(raw);
  });

  it.each(['', '.', '..', '   ', '/', '../', '..\\..', 'a/..', '\0\0', '\u202E'])('falls back to "file" for %j', (raw) => {
    expect(safeFilename(raw)).toBe(FALLBACK_NAME);
  });

  it('shortens a long name to MAX_NAME_BYTES and keeps its extension', () => {
    const name = safeFilename(`${'a'.repeat(1000)}.txt`);
    expect(Buffer.byteLength(name)).toBe(MAX_NAME_BYTES);
    expect(name.endsWith('.txt')).toBe(true);
  });

  it('shortens multi-byte names on whole characters', () => {
    for (const raw of [`${'ü'.repeat(300)}.pdf`, '😀'.repeat(100), `x${'日本'.repeat(100)}.tar.gz`]) {
      const name = safeFilename(raw);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(Buffer.from(name).toString()).toBe(name); // no broken surrogate pair or byte sequence
      expect(raw.startsWith(splitExt(name)[0])).toBe(true);
      staysInside(raw);
    }
  });

  it('treats a very long "extension" as part of the name', () => {
    const name = safeFilename(`a.${'b'.repeat(400)}`);
    expect(Buffer.byteLength(name)).toBe(MAX_NAME_BYTES);
    expect(name.startsWith('a.bbb')).toBe(true);
  });

  it('keeps random hostile names inside the folder', () => {
    const alphabet = ['/', '\\', '.', '..', '\0', '\n', ' ', 'a', 'é', '😀', ':', 'C:', '~', '\u202E', '%2e'];
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(Math.random() * 12);
      const raw = Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
      staysInside(raw);
    }
  });
});

describe('the clash rule', () => {
  it('splits extensions like Python os.path.splitext', () => {
    expect(splitExt('x.txt')).toEqual(['x', '.txt']);
    expect(splitExt('archive.tar.gz')).toEqual(['archive.tar', '.gz']);
    expect(splitExt('.bashrc')).toEqual(['.bashrc', '']);
    expect(splitExt('..foo')).toEqual(['..foo', '']);
    expect(splitExt('...')).toEqual(['...', '']);
    expect(splitExt('.a.b')).toEqual(['.a', '.b']);
    expect(splitExt('a.')).toEqual(['a', '.']);
    expect(splitExt('noext')).toEqual(['noext', '']);
  });

  it('numbers names as name.ext, name_1.ext, name_2.ext', () => {
    expect([0, 1, 2].map((n) => candidateName('x.txt', n))).toEqual(['x.txt', 'x_1.txt', 'x_2.txt']);
    expect(candidateName('archive.tar.gz', 1)).toBe('archive.tar_1.gz');
    expect(candidateName('.bashrc', 1)).toBe('.bashrc_1');
    expect(candidateName('noext', 3)).toBe('noext_3');
    expect(join('d', candidateName(FALLBACK_NAME, 1))).toBe('d/file_1');
  });
});
