// Reads one input file with the guards a linter in a pre-commit hook needs: size, binary, encoding.
import { isAscii, isUtf8 } from 'node:buffer';
import { lstatSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { close, open, read } from './async-fs.js';
import { withFileBytes } from './file-bytes.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { inputFinding, LOAD_CHECKS } from './load-checks.js';
import { fileFinding } from './parse-documents.js';
import { SourceText, type EncodedText } from './source-text.js';

/**
 * A read file's text, with a warning when kubectl would read it differently from its bytes (and the digest of its
 * bytes when the caller asked for one); or why it was not read.
 */
export type ReadResult = { readonly source: SourceText; readonly warning?: Finding; readonly digest?: string } | { readonly finding: Finding };

/**
 * Names a valid UTF-8 file's bytes for a cache of what they read as (document-cache.ts), or undefined when that is not
 * worth it; a file so named has its text decoded on first use.
 */
export type DigestOf = (bytes: Buffer) => string | undefined;

const BINARY_SNIFF_BYTES = 8000;

/** Reads `absolutePath`; findings and positions name it `file`, the path as the user gave it. */
export async function readSourceFile(file: string, absolutePath: string, maxBytes: number, digestOf?: DigestOf): Promise<ReadResult> {
  try {
    // a direct call: stat's thread-pool round trip costs more than the call itself (see file-bytes.ts)
    const info = statSync(absolutePath);
    const refused = refusal(file, info, maxBytes);
    if (refused) return refused;
    // a pipe (`kubefit lint <(kustomize build)`) or a device has no size to read into: read to its end, or the limit
    if (!info.isFile()) {
      const bytes = await readUpTo(absolutePath, maxBytes);
      return bytes ? decode(file, bytes, digestOf) : failure(file, LOAD_CHECKS.tooLarge, `file is over the ${formatBytes(maxBytes)} limit`);
    }
    return await withFileBytes(absolutePath, info.size, (bytes) => decode(file, bytes, digestOf));
  } catch (error) {
    return failure(file, LOAD_CHECKS.fileUnreadable, (fsErrorCode(error) === 'ENOENT' ? danglingLink(absolutePath) : undefined) ?? describeFsError(error));
  }
}

/** The bytes of a file with no size (a pipe, /dev/zero) up to `maxBytes`, or undefined when it holds more. */
async function readUpTo(path: string, maxBytes: number): Promise<Buffer | undefined> {
  // opened in the thread pool: a FIFO's open waits for its writer
  const fd = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(PIPE_CHUNK_BYTES);
      const count = await read(fd, chunk, 0, chunk.length);
      if (count === 0) return Buffer.concat(chunks, length);
      length += count;
      if (length > maxBytes) return undefined;
      chunks.push(chunk.subarray(0, count));
    }
  } finally {
    await close(fd);
  }
}

const PIPE_CHUNK_BYTES = 64 * 1024;

/** "a symbolic link to a missing file" (with its target) when `path`, found missing, is one: a checkout without its vendor folder. */
function danglingLink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? `a symbolic link to a missing file (${readlinkSync(path)})` : undefined;
  } catch {
    return undefined;
  }
}

/** readSourceFile without waiting, for a file read again on demand (snapshot-document.ts). */
export function readSourceFileSync(file: string, absolutePath: string, maxBytes: number): ReadResult {
  try {
    return refusal(file, statSync(absolutePath), maxBytes) ?? decode(file, readFileSync(absolutePath));
  } catch (error) {
    return failure(file, LOAD_CHECKS.fileUnreadable, describeFsError(error));
  }
}

/** Why a file of this kind and size is not read, if it is not. */
function refusal(file: string, info: Stats, maxBytes: number): ReadResult | undefined {
  if (info.isDirectory()) return failure(file, LOAD_CHECKS.fileUnreadable, 'is a directory');
  if (info.size > maxBytes) return failure(file, LOAD_CHECKS.tooLarge, `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
  return undefined;
}

/** Text from standard input (read up to one byte past `maxBytes`: see LoadOptions.readStdin), with the same guards as a file. */
export function decodeStdin(bytes: Buffer, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) return failure('<stdin>', LOAD_CHECKS.tooLarge, `input is over the ${formatBytes(maxBytes)} limit`);
  return decode('<stdin>', bytes);
}

/**
 * Text as kubectl reads it (cli-runtime's FileVisitor decodes through `unicode.BOMOverride(unicode.UTF8.NewDecoder())`):
 * a UTF-16 byte order mark selects UTF-16, a UTF-8 one is dropped, and each invalid UTF-8 sequence becomes U+FFFD,
 * which kubectl applies without a word (so kubefit warns). NUL bytes make it binary (go-yaml rejects them).
 */
function decode(file: string, bytes: Buffer, digestOf?: DigestOf): ReadResult {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = utf16Text(bytes, utf16);
    return text.includes('\0') ? failure(file, LOAD_CHECKS.binaryFile, 'file is binary (it contains NUL characters)') : { source: new SourceText(file, text) };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return failure(file, LOAD_CHECKS.binaryFile, 'file is binary (it contains NUL bytes)');
  const valid = validUtf8(bytes);
  if (valid !== undefined) {
    const digest = digestOf?.(bytes);
    if (digest === undefined) return { source: new SourceText(file, valid.bytes.toString(valid.encoding), isYamlReadable(valid)) };
    // a copy: `bytes` may be reused once this returns
    return { source: new SourceText(file, { bytes: Buffer.from(valid.bytes), encoding: valid.encoding }), digest };
  }
  const source = new SourceText(file, new TextDecoder('utf-8').decode(bytes));
  const offset = source.text.indexOf('\uFFFD');
  const message = 'file is not valid UTF-8 text: kubectl reads each invalid byte sequence as U+FFFD';
  return { source, warning: fileFinding(source, offset, offset + 1, { ...LOAD_CHECKS.invalidUtf8, message }) };
}

/**
 * The bytes of valid UTF-8 text without their byte order mark and how to decode them (as TextDecoder's fatal mode
 * reads them), or undefined for invalid bytes. Buffer's native checks and slices take about half its time (the
 * cluster snapshots' tens of MB are ASCII, which becomes a one-byte string by a copy).
 */
function validUtf8(bytes: Buffer): EncodedText | undefined {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isAscii(body)) return { bytes: body, encoding: 'latin1' };
  return isUtf8(body) ? { bytes: body, encoding: 'utf8' } : undefined;
}

/**
 * ASCII characters go-yaml's reader refuses: C0 controls but tab, line feed and carriage return, and DEL.
 * upstream: gopkg.in/yaml.v2 readerc.go yaml_parser_update_buffer
 */
const ASCII_CONTROLS = [...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d), 0x7f];

/**
 * SourceText.readable: ASCII without a character go-yaml's reader refuses, by one native byte search per such
 * character. Not searched (unknown) for a text that opens a JSON object or array: it is read as JSON, and searched
 * only if its YAML is read after all (a `kubectl get -o json` snapshot of 5,000 nodes is 37 MB of bytes to search).
 */
function isYamlReadable({ bytes, encoding }: EncodedText): boolean {
  return encoding === 'latin1' && !opensJson(bytes) && !ASCII_CONTROLS.some((code) => bytes.includes(code));
}

/** Whether the first byte after whitespace is `{` or `[`. */
function opensJson(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte === 0x7b || byte === 0x5b) return true;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return false;
}

/**
 * UTF-16 text as golang.org/x/text's utf16Decoder reads it: each lone surrogate is a U+FFFD, and a single trailing byte
 * is one more (TextDecoder reads a high surrogate and that byte as one bad sequence, one U+FFFD).
 */
function utf16Text(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  const units = bytes.length & ~1;
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, units));
  return units === bytes.length ? text : `${text}\uFFFD`;
}

/** The UTF-16 encoding a byte order mark names (go-yaml and kubectl read both). */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function failure(file: string, check: RuleMeta, message: string): ReadResult {
  return { finding: inputFinding(file, check, message) };
}

function fsErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

export function describeFsError(error: unknown): string {
  switch (fsErrorCode(error)) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EISDIR': return 'is a directory';
    default: return error instanceof Error ? systemErrorText(error.message) : String(error);
  }
}

/** Node's "ENOTDIR: not a directory, stat '/abs/path'" is the system's text, its call and the path the finding names. */
const SYSTEM_ERROR = /^[A-Z][A-Z0-9_]*: (.+?), [a-z_]+(?: '.*')?$/s;

function systemErrorText(message: string): string {
  return SYSTEM_ERROR.exec(message)?.[1] ?? message;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}
