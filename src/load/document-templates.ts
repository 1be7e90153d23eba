// Cluster documents read as copies of an earlier document with the same lines but for some one-line scalar values:
// a snapshot's thousands of Nodes and bound Pods repeat a few layouts and differ in names, node names, timestamps and
// a few amounts, so most of them are compared line by line instead of parsed, and share what did not change.
import type { Path } from '../model/document.js';
import { FastSpansOnDemand, fastLimitsOf, type BuildLimits, type BuiltDocument } from './build-values.js';
import { readPlainBlockDocument } from './plain-block-reader.js';
import { withGoYamlLineBreaks } from './scanner-rules.js';
import type { SpanIndex } from './span-index.js';
import type { SharedValues } from './shared-values.js';
import { resolvePlainScalar } from './yaml11-scalars.js';

/** A one-line scalar: a line ends with its text, and nothing but its prefix (indentation, key, `- `) comes before. */
interface Leaf {
  readonly path: Path;
  readonly text: string;
}

/**
 * A document's text as fixed parts and the one-line scalars between them: `fixed[0] leaves[0] fixed[1] ...
 * fixed[n]`, each fixed part after the first starting with the line feed that ends a scalar's line.
 */
interface Template {
  readonly fixed: readonly string[];
  readonly leaves: readonly Leaf[];
  readonly value: unknown;
  /** The template's text, and where each leaf starts in it. */
  readonly text: string;
  readonly starts: readonly number[];
  /** The leaves the last document read as a copy of this template changed, and the text between them (see Runs). */
  runs: Runs | undefined;
}

/**
 * The leaves a document is expected to change (those the document before changed: a snapshot's nodes differ in the
 * same names, labels and times) and the template's text between them. A document that has that text between them is
 * compared in a few native searches instead of two per line; any other goes leaf by leaf.
 */
interface Runs {
  /** Indices of the expected changes, ascending. */
  readonly changed: readonly number[];
  /** `between[k]`: the text from the end of the line of leaf changed[k - 1] (or the start) to leaf changed[k]; one more to the end. */
  readonly between: readonly string[];
}

/** Templates tried per document, most recently used first. */
const TEMPLATES = 8;
/** Larger documents (a `kubectl get -o yaml` List) are read as they are: they do not repeat. */
const MAX_TEXT = 64 * 1024;
/** After this many documents, a file whose documents mostly needed a template of their own stops looking for them. */
const TRIAL = 32;

/**
 * One-line plain scalars the fast reader reads as `resolvePlainScalar` of their text (no indicator first, no `: `, no
 * ` #`, no trailing `:`), and quoted ones without escapes.
 */
const PLAIN = /^[\w./][\w./:+=@-]*$/;
const QUOTED = /^(?:"[^"\\\t\r]*"|'[^'\t\r]*')$/;
/** A double-quoted scalar whose only escapes are `\"` and `\\` (an annotation holding JSON). */
const QUOTED_ESCAPES = /^"(?:[^"\\\t\r]|\\["\\])*"$/;

/** Built values and lazily read positions for the documents of one file (or a run of small ones), read without positions. */
export class DocumentTemplates {
  readonly #shared: SharedValues;
  readonly #templates: Template[] = [];
  /** The changes of the document being read (one buffer for the file's documents). */
  readonly #changes = new Changes();
  #documents = 0;
  #learnt = 0;

  /** `shared`: the file's shared values; values this returns are shared already. */
  constructor(shared: SharedValues) {
    this.#shared = shared;
  }

  /** The document in `chunk` (at `offset` in its file), or undefined when the caller must read it as usual. */
  read(chunk: string, offset: number, limits: BuildLimits): BuiltDocument | undefined {
    if (chunk.length > MAX_TEXT || (this.#documents >= TRIAL && 2 * this.#learnt > this.#documents)) return undefined;
    this.#documents++;
    const text = withGoYamlLineBreaks(chunk);
    const changes = this.#changes;
    for (let index = 0; index < this.#templates.length; index++) {
      const template = this.#templates[index] as Template;
      if (!changes.readExpected(template, text) && !changes.read(template, text)) continue;
      if (index > 0) this.#templates.unshift(this.#templates.splice(index, 1)[0] as Template);
      return new TemplatedDocument(changes.size === 0 ? template.value : this.#rebuilt(template.value, 0, 0, changes.size), text, offset, limits);
    }
    return this.#learn(text, offset, limits);
  }

  /** Reads the document with its positions and keeps it as a template. */
  #learn(text: string, offset: number, limits: BuildLimits): BuiltDocument | undefined {
    const read = readPlainBlockDocument(text, offset, fastLimitsOf(limits), 'eager');
    // a document the fast reader refuses counts as one that needed a template of its own: such files stop trying
    this.#learnt++;
    if (!read?.spans) return undefined;
    const value = this.#shared.share(read.value);
    const leaves = oneLineScalars(text, offset, value, read.spans);
    const starts = leaves.map((leaf) => leaf.start);
    const fixed = textBetween(text, starts, leaves, leaves.keys());
    this.#templates.unshift({ fixed, leaves: leaves.map(({ path, text }) => ({ path, text })), value, text, starts, runs: undefined });
    if (this.#templates.length > TEMPLATES) this.#templates.pop();
    return { value, rootSpan: read.rootSpan, spans: read.spans, problems: [] };
  }

  /**
   * `value` with the changes (sorted by path, as the lines are) from `from` to `to` made in copies of its collections,
   * shared as SharedValues would share them; their paths agree up to `depth`.
   */
  #rebuilt(value: unknown, depth: number, from: number, to: number): unknown {
    const { paths, values } = this.#changes;
    const copy = (Array.isArray(value) ? value.slice() : { ...(value as object) }) as Record<string | number, unknown>;
    let seen = true;
    for (let index = from; index < to; ) {
      const path = paths[index] as Path;
      const key = path[depth] as string | number;
      let end = index + 1;
      while (end < to && paths[end]?.[depth] === key) end++;
      copy[key] = path.length === depth + 1 ? this.#shared.share(values[index]) : this.#rebuilt(copy[key], depth + 1, index, end);
      seen &&= this.#shared.seen;
      index = end;
    }
    return this.#shared.shareCollection(copy as Record<string, unknown> | unknown[], seen);
  }
}

/** The scalars of a document that differ from its template's, by their paths (in text order, as `#rebuilt` takes them). */
class Changes {
  readonly paths: Path[] = [];
  readonly values: unknown[] = [];
  size = 0;

  /**
   * `read` for a text that differs from the template's at most in the leaves the last copy changed (template.runs):
   * false when it does not, and `read` decides. The same outcome as `read`: the template's text between the expected
   * leaves holds the unchanged leaves with their line feeds, and an expected leaf with its text unchanged is no change.
   */
  readExpected(template: Template, text: string): boolean {
    const { runs } = template;
    if (!runs) return false;
    this.size = 0;
    let position = 0;
    const { changed, between } = runs;
    for (let k = 0; k < changed.length; k++) {
      const part = between[k] as string;
      if (!matchesAt(text, part, position)) return false;
      position += part.length;
      const leaf = template.leaves[changed[k] as number] as Leaf;
      const end = lineEnd(text, position);
      if (end - position === leaf.text.length && matchesAt(text, leaf.text, position)) {
        position = end;
        continue;
      }
      if (!this.#change(leaf, text, position, end)) return false;
      position = end;
    }
    const last = between[changed.length] as string;
    return position + last.length === text.length && matchesAt(text, last, position);
  }

  /** Whether `text` reads as `template` but for the scalars it then holds (none: the same text). */
  read(template: Template, text: string): boolean {
    const { fixed, leaves } = template;
    this.size = 0;
    const changed: number[] = [];
    let position = 0;
    for (let index = 0; index < leaves.length; index++) {
      const part = fixed[index] as string;
      if (!matchesAt(text, part, position)) return false;
      position += part.length;
      const leaf = leaves[index] as Leaf;
      if (matchesAt(text, leaf.text, position) && isLineEnd(text, position + leaf.text.length)) {
        position += leaf.text.length;
        continue;
      }
      const end = lineEnd(text, position);
      if (!this.#change(leaf, text, position, end)) return false;
      changed.push(index);
      position = end;
    }
    const last = fixed[leaves.length] as string;
    if (position + last.length !== text.length || !matchesAt(text, last, position)) return false;
    template.runs = runsOf(template, changed);
    return true;
  }

  /** Records the leaf's new scalar, `text` from `start` to its line's `end`; false when the fast reader might read it otherwise. */
  #change(leaf: Leaf, text: string, start: number, end: number): boolean {
    const value = scalarOf(text.slice(start, end));
    if (value === undefined) return false;
    this.paths[this.size] = leaf.path;
    this.values[this.size++] = value;
    return true;
  }
}

/** The template's Runs when the leaves `changed` change. */
function runsOf(template: Template, changed: readonly number[]): Runs {
  return { changed, between: textBetween(template.text, template.starts, template.leaves, changed) };
}

/** The parts of `text` around the leaves `indices` (ascending), which start at `starts`: one more than the leaves. */
function textBetween(text: string, starts: readonly number[], leaves: readonly Leaf[], indices: Iterable<number>): string[] {
  const between: string[] = [];
  let from = 0;
  for (const index of indices) {
    const start = starts[index] as number;
    between.push(text.slice(from, start));
    from = start + (leaves[index] as Leaf).text.length;
  }
  between.push(text.slice(from));
  return between;
}

/**
 * `text.startsWith(part, position)`, without its cost on V8: for a long part, the native comparison of the slice
 * (a view, no copy) where `part` should be, about twice as fast as a search starting there; a loop for a short one.
 */
function matchesAt(text: string, part: string, position: number): boolean {
  if (part.length >= SHORT) return text.slice(position, position + part.length) === part;
  for (let index = 0; index < part.length; index++) if (text.charCodeAt(position + index) !== part.charCodeAt(index)) return false;
  return true;
}

const SHORT = 16;

function isLineEnd(text: string, position: number): boolean {
  return position === text.length || text.charCodeAt(position) === LF;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

const LF = 0x0a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** The value the fast reader reads from a one-line scalar's text, or undefined for any text it might read otherwise. */
function scalarOf(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    if (QUOTED.test(text)) return text.slice(1, -1);
    return QUOTED_ESCAPES.test(text) ? text.slice(1, -1).replace(/\\(["\\])/g, '$1') : undefined;
  }
  if (!PLAIN.test(text) || text.endsWith(':')) return undefined;
  // not interned: the changed scalars of a snapshot's documents are mostly names and times seen once, which would only
  // churn the table; SharedValues (#rebuilt) shares the ones that repeat within the file
  const value = resolvePlainScalar(text);
  return typeof value === 'number' && !Number.isFinite(value) ? undefined : value;
}

const NO_PROBLEMS: BuiltDocument['problems'] = Object.freeze([]);

/** A templated document, its own span index: positions are read from its text on the first request. */
class TemplatedDocument extends FastSpansOnDemand implements BuiltDocument {
  readonly value: unknown;

  constructor(value: unknown, text: string, offset: number, limits: BuildLimits) {
    super(text, offset, limits);
    this.value = value;
  }

  get spans(): this {
    return this;
  }

  get problems(): BuiltDocument['problems'] {
    return NO_PROBLEMS;
  }
}

/** The scalars of `value` that end their line and start on it, in text order, with their text and start. */
function oneLineScalars(text: string, offset: number, value: unknown, spans: SpanIndex): (Leaf & { start: number })[] {
  const leaves: (Leaf & { start: number })[] = [];
  for (const path of scalarPaths(value)) {
    const span = spans.find(path).span;
    if (!span || span[2] < offset) continue;
    const start = span[2] - offset;
    const end = span[3] - offset;
    if (end > start && lineEnd(text, start) === end && text.lastIndexOf('\n', start) === text.lastIndexOf('\n', end - 1)) leaves.push({ path, text: text.slice(start, end), start });
  }
  return leaves.sort((a, b) => a.start - b.start);
}

/** Paths of the scalars in `value`. */
function scalarPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) {
    out.push(path);
    return out;
  }
  if (Array.isArray(value)) value.forEach((item, index) => scalarPaths(item, [...path, index], out));
  else for (const key in value) scalarPaths((value as Record<string, unknown>)[key], [...path, key], out);
  return out;
}
