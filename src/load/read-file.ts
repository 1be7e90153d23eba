// Reads one input file with the guards a linter in a pre-commit hook needs: size, binary, encoding.
import { readFile, stat } from 'node:fs/promises';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { inputFinding, LOAD_CHECKS } from './load-checks.js';
import { fileFinding } from './parse-documents.js';
import { SourceText } from './source-text.js';

export type ReadResult = { readonly source: SourceText } | { readonly finding: Finding };

const BINARY_SNIFF_BYTES = 8000;

/** Reads `absolutePath`; findings and positions name it `file`, the path as the user gave it. */
export async function readSourceFile(file: string, absolutePath: string, maxBytes: number): Promise<ReadResult> {
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) return failure(file, LOAD_CHECKS.fileUnreadable, 'is a directory');
    if (info.size > maxBytes) return failure(file, LOAD_CHECKS.tooLarge, `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
    return decode(file, await readFile(absolutePath));
  } catch (error) {
    return failure(file, LOAD_CHECKS.fileUnreadable, describeFsError(error));
  }
}

/** Text from standard input, with the same guards as a file. */
export function decodeStdin(bytes: Buffer, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) return failure('<stdin>', LOAD_CHECKS.tooLarge, `input is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit`);
  return decode('<stdin>', bytes);
}

function decode(file: string, bytes: Buffer): ReadResult {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return failure(file, LOAD_CHECKS.binaryFile, 'file is binary (it contains NUL bytes)');
  try {
    return { source: new SourceText(file, new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const source = new SourceText(file, text);
    const offset = text.indexOf('\uFFFD');
    return {
      finding: fileFinding(source, offset, offset + 1, { ...LOAD_CHECKS.binaryFile, message: 'file is not valid UTF-8 text' }),
    };
  }
}

function failure(file: string, check: RuleMeta, message: string): ReadResult {
  return { finding: inputFinding(file, check, message) };
}

export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EISDIR': return 'is a directory';
    default: return error instanceof Error ? error.message : String(error);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}
