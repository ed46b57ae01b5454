import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolder, moveByReservation, moveIntoFolder } from './downloads.ts';

let root: string;
let dir: string;
let n = 0;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'filesvc-downloads-'));
  dir = join(root, 'downloads');
  await mkdir(dir);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A partial file with this content, outside the folder. */
async function partial(content: string): Promise<string> {
  const path = join(root, `p${n++}.part`);
  await writeFile(path, content);
  return path;
}

describe('moveIntoFolder', () => {
  it('saves x.txt, then x_1.txt, then x_2.txt, never replacing a file', async () => {
    const names = [];
    for (const content of ['one', 'two', 'three']) names.push(await moveIntoFolder(await partial(content), dir, 'x.txt'));
    expect(names).toEqual(['x.txt', 'x_1.txt', 'x_2.txt']);
    expect(await readFile(join(dir, 'x.txt'), 'utf8')).toBe('one');
    expect(await readFile(join(dir, 'x_2.txt'), 'utf8')).toBe('three');
    expect((await readdir(root)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('puts the number before the last extension, and after a dot-file name', async () => {
    await moveIntoFolder(await partial('a'), dir, 'archive.tar.gz');
    expect(await moveIntoFolder(await partial('b'), dir, 'archive.tar.gz')).toBe('archive.tar_1.gz');
    await moveIntoFolder(await partial('a'), dir, '.bashrc');
    expect(await moveIntoFolder(await partial('b'), dir, '.bashrc')).toBe('.bashrc_1');
  });

  it('does not write through a symlink or into a folder that holds the name', async () => {
    const outside = join(root, 'outside.txt');
    await writeFile(outside, 'keep me');
    await symlink(outside, join(dir, 'z.txt'));
    await mkdir(join(dir, 'y.txt'));
    expect(await moveIntoFolder(await partial('new'), dir, 'z.txt')).toBe('z_1.txt');
    expect(await moveIntoFolder(await partial('new'), dir, 'y.txt')).toBe('y_1.txt');
    expect(await readFile(outside, 'utf8')).toBe('keep me');
    expect((await lstat(join(dir, 'y.txt'))).isDirectory()).toBe(true);
  });

  it('without hard links, reserves the name exclusively before moving the file', async () => {
    await writeFile(join(dir, 'x.txt'), 'old');
    expect(await moveByReservation(await partial('new'), dir, 'x.txt', 0)).toBe('x_1.txt');
    expect(await readFile(join(dir, 'x.txt'), 'utf8')).toBe('old');
    expect(await readFile(join(dir, 'x_1.txt'), 'utf8')).toBe('new');
  });
});

describe('listFolder', () => {
  it('lists regular files only, newest first', async () => {
    await writeFile(join(dir, 'old.txt'), 'o');
    await writeFile(join(dir, 'new.txt'), 'new!');
    await utimes(join(dir, 'old.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
    await utimes(join(dir, 'new.txt'), new Date('2021-01-01'), new Date('2021-01-01'));
    await mkdir(join(dir, 'folder'));
    await symlink(join(dir, 'new.txt'), join(dir, 'link.txt'));
    const files = await listFolder(dir, 10);
    expect(files).toEqual([
      { filename: 'new.txt', size: 4, modified: new Date('2021-01-01').getTime() },
      { filename: 'old.txt', size: 1, modified: new Date('2020-01-01').getTime() },
    ]);
    expect(await listFolder(dir, 1)).toHaveLength(1);
  });
});
