// A file's bytes in a buffer that is reused once they are decoded. A fresh buffer per file is memory the kernel maps
// page by page on first touch, and this VM's page faults cost more than the copy: reading and decoding the 20 files
// (56 MB) of a 20,000-node snapshot one after another took 520 ms with readFile, 270 ms with reused buffers; `fit` on
// that snapshot, which overlaps reading with parsing, runs about 80 ms faster (bench/README.md).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { read, readFile } from './async-fs.js';

/** Buffers larger than this are not kept for the next file (one huge input should not stay resident). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
/** Free buffers, at most one per file read at once. */
const free: Buffer[] = [];

/**
 * `use` of the bytes of `path` (expected to be `size` bytes; a file that changed since is read as it is now). The bytes
 * are valid only during `use`, which must copy what it keeps (decoding to a string does).
 */
export async function withFileBytes<T>(path: string, size: number, use: (bytes: Buffer) => T): Promise<T> {
  const buffer = acquire(size + 1);
  try {
    if (size <= DIRECT_READ_BYTES) {
      const length = readIntoNow(path, buffer);
      return use(length === buffer.length ? readFileSync(path) : buffer.subarray(0, length));
    }
    const length = await readInto(path, buffer);
    // a full buffer means the file grew after it was measured: read it whole instead
    return use(length === buffer.length ? await readFile(path) : buffer.subarray(0, length));
  } finally {
    if (buffer.length <= MAX_KEPT_BYTES) free.push(buffer);
  }
}

/**
 * Files up to this size are read by direct calls, not through libuv's thread pool: on this VM each asynchronous open,
 * read or close costs some 40 us of thread hand-over against a few us for the call itself, so 5,000 files of 4 kB
 * (a snapshot written one object per file) took 800 ms to read against 75 ms. A larger file is read asynchronously,
 * so that reading it overlaps parsing the one before.
 */
const DIRECT_READ_BYTES = 256 * 1024;

function readIntoNow(path: string, buffer: Buffer): number {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (let count = -1; count !== 0 && length < buffer.length; length += count) count = readSync(fd, buffer, length, buffer.length - length, null);
    return length;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file opened and closed by direct calls, so that the read is under way in the thread pool at once: an
 * asynchronous open's callback waits for the main thread, which is parsing the file before, and only then could the
 * read start (the main thread then waited 23 ms for each 2.8 MB file of a snapshot).
 */
async function readInto(path: string, buffer: Buffer): Promise<number> {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (let count = -1; count !== 0 && length < buffer.length; length += count) count = await read(fd, buffer, length, buffer.length - length);
    return length;
  } finally {
    closeSync(fd);
  }
}

/** The smallest free buffer of at least `size` bytes, or a new one (then the smallest free one, too small, is let go). */
function acquire(size: number): Buffer {
  free.sort((a, b) => a.length - b.length);
  const fits = free.findIndex((buffer) => buffer.length >= size);
  if (fits >= 0) return free.splice(fits, 1)[0] as Buffer;
  free.shift();
  return Buffer.allocUnsafeSlow(Math.max(size, MIN_BYTES));
}

/** Small files share buffers of this size. */
const MIN_BYTES = 64 * 1024;
