import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileBytes } from './file-bytes.js';

const root = mkdtempSync(join(tmpdir(), 'kubefit-bytes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `size` bytes that differ from file to file (`seed`), so that a reused buffer's old bytes would show. */
function bytesOf(size: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, index) => (index * 31 + seed) % 251));
}

describe('withFileBytes', () => {
  it('reads each file exactly, one after another and several at once, through reused buffers', async () => {
    // small files are read by direct calls, those over 256 KiB through the thread pool
    const sizes = [0, 1, 70_000, 10, 200_000, 65_536, 3, 300_000, 1_000_000, 20];
    const files = sizes.map((size, index) => {
      const path = join(root, `file-${index}`);
      writeFileSync(path, bytesOf(size, index));
      return path;
    });
    // compared while they are valid (Buffer.equals: vitest's toEqual walks 200,000 bytes slowly)
    const matches = (index: number) => (bytes: Buffer) => bytes.equals(bytesOf(sizes[index] ?? 0, index));
    for (const [index, path] of files.entries()) expect(await withFileBytes(path, sizes[index] ?? 0, matches(index)), path).toBe(true);
    expect(await Promise.all(files.map((path, index) => withFileBytes(path, sizes[index] ?? 0, matches(index))))).toEqual(sizes.map(() => true));
  });

  it.each([1000, 400_000])('reads a file as it is when it grew or shrank after it was measured (%i bytes)', async (size) => {
    const path = join(root, `changing-${size}`);
    writeFileSync(path, bytesOf(size, 7));
    appendFileSync(path, bytesOf(500, 8));
    expect(await withFileBytes(path, size, (bytes) => bytes.equals(Buffer.concat([bytesOf(size, 7), bytesOf(500, 8)])))).toBe(true);
    writeFileSync(path, bytesOf(10, 9));
    expect(await withFileBytes(path, size, (bytes) => bytes.equals(bytesOf(10, 9)))).toBe(true);
  });

  it.each([10, 400_000])('rejects as readFile does for a file that is not there (%i bytes expected)', async (size) => {
    await expect(withFileBytes(join(root, 'missing'), size, (bytes) => bytes.length)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
