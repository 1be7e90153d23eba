// Splits a file into documents exactly where kubectl does, before any YAML is parsed.
// upstream: k8s.io/apimachinery/pkg/util/yaml/decoder.go YAMLReader.Read (lines end at "\n" only; a line starting
// with "---" ends a document when only white space or a comment follows, and is an error for the rest of the
// stream when anything else follows).
import { goTrimSpace } from '../model/go-strings.js';

export interface DocumentChunk {
  /** Offsets into the file text: from the line after a separator to the next separator line. */
  readonly start: number;
  readonly end: number;
}

export interface InvalidSeparator {
  /** Offset of the `---` line; nothing from the separator before it on reaches the cluster. */
  readonly offset: number;
  readonly message: string;
}

export interface YamlReaderResult {
  readonly chunks: DocumentChunk[];
  readonly invalidSeparator: InvalidSeparator | undefined;
  /** Where the reading stopped because the text holds more than `maxChunks` documents (the first one past them). */
  readonly tooMany?: number;
}

/**
 * The documents of `text` from offset `from` (where kubectl's YAML decoder takes over a stream from its JSON decoder),
 * at most `maxChunks` of them: empty and comment-only ones count too (kubectl reads each, and 5 million `#` lines
 * between separators took 2 minutes to go through).
 */
export function readYamlDocuments(text: string, maxChunks = Number.POSITIVE_INFINITY, from = 0): YamlReaderResult {
  const chunks: DocumentChunk[] = [];
  let start = from;
  const tooMany = (): YamlReaderResult => ({ chunks: chunks.slice(0, maxChunks), invalidSeparator: undefined, tooMany: (chunks[maxChunks] as DocumentChunk).start });
  for (const index of separatorLines(text, from)) {
    if (chunks.length > maxChunks) return tooMany();
    const next = lineEnd(text, index);
    const rest = goTrimSpace(text.slice(index + 3, next));
    if (rest !== '' && !rest.startsWith('#')) {
      // kubectl returns the error and drops the document it was reading, so nothing from `start` on is read
      return { chunks, invalidSeparator: { offset: index, message: `invalid Yaml document separator: ${rest}` } };
    }
    pushChunk(chunks, text, start, index);
    start = next;
  }
  pushChunk(chunks, text, start, text.length);
  return chunks.length > maxChunks ? tooMany() : { chunks, invalidSeparator: undefined };
}

/**
 * Where the lines starting with `---` begin, from `from` on: the stream's first line starts there, mid-line or not.
 * Lines end at line feeds only (a lone CR ends none); a native search for `\n---` finds the rest.
 */
function* separatorLines(text: string, from: number): Generator<number> {
  if ((from === 0 || text.charCodeAt(from - 1) !== 0x0a) && text.startsWith('---', from)) yield from;
  for (let at = text.indexOf('\n---', Math.max(0, from - 1)); at >= 0; at = text.indexOf('\n---', at + 1)) yield at + 1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end + 1;
}

/** kubectl skips a document only when it has no bytes at all; white space alone still reaches the YAML parser. */
function pushChunk(chunks: DocumentChunk[], text: string, start: number, end: number): void {
  if (end > start) chunks.push({ start, end });
}

