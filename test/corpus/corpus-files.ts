// The real-world corpus beside the repository (../shared/corpus), when present.
import { existsSync } from 'node:fs';
import fg from 'fast-glob';

export const CORPUS_DIR = '../shared/corpus';
export const hasCorpus = existsSync(CORPUS_DIR);

export function corpusFiles(): string[] {
  return hasCorpus ? fg.sync('**/*.{yaml,yml,json}', { cwd: CORPUS_DIR }).sort() : [];
}
