// Writes a file the user named (--output, kubefit init): a failure is a usage error, never a stack trace.
import { writeFile } from '../load/deferred-builtins.js';
import { describeFsError } from '../load/read-file.js';
import { UsageError } from '../model/usage-error.js';

/** `text` may come in chunks (a long report), written as they come. */
export async function writeUserFile(file: string, text: string | Iterable<string>, hint: string, flag: 'w' | 'wx' = 'w'): Promise<void> {
  try {
    await writeFile(file, text, { flag });
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`, hint);
  }
}
