// For tests of what loading keeps in memory: a file's text over 1 MB is a string outside V8's heap (Buffer decodes it
// so), counted by process.memoryUsage().external, so a test can see whether anything still holds it.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes of strings (and other memory) outside V8's heap, buffers aside. */
export function externalTextBytes(): number {
  const usage = process.memoryUsage();
  return usage.external - usage.arrayBuffers;
}

/** Collects garbage fully, finalizers included (external strings are freed after the collection that finds them). */
export async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // the last regular expression run keeps its subject (RegExp.lastMatch), which may be one of the texts
  /x/.test('x');
  for (let round = 0; round < 3; round++) {
    await new Promise((done) => setTimeout(done, 10));
    gc();
  }
}
