// Why kubectl rejects a document, in go-yaml's words: the first error its reader, scanner, parser or composer meets
// while Unmarshal reads the document's first node. Runs only for a document js-yaml already rejected.
// upstream: go-yaml v2.4.2 yaml.go unmarshal, decode.go parser.parse, document, alias
import { GoYamlError } from './go-yaml-error.js';
import { GoYamlParser, type GoYamlEvent } from './go-yaml-parser.js';
import { GoYamlScanner } from './go-yaml-scanner.js';
import { asKubectlReads } from './kubectl-lines.js';

export interface GoYamlProblem {
  /** go-yaml's problem, without its `yaml: line N:` prefix. */
  readonly message: string;
  /** Offset of the problem in the document's text. */
  readonly offset: number;
}

/** go-yaml's problem with one of kubectl's documents (a chunk between `---` lines), or undefined when it reads it. */
export function goYamlProblem(text: string): GoYamlProblem | undefined {
  const input = asKubectlReads(text);
  const error = errorIn(input.text);
  if (!error) return undefined;
  const ranOut = input.toOriginal(error.offset) >= text.length;
  const at = ranOut || AT_CONTEXT.has(error.problem) ? (error.contextMark?.offset ?? error.offset) : error.offset;
  return { message: error.problem, offset: Math.min(input.toOriginal(at), text.length) };
}

/**
 * Whether a tab that only spaces and block indicators precede on its line may be go-yaml's error: its scanner takes no
 * tab for white space where a simple key may start (yaml_parser_scan_to_next_token: at a line's start, after `- ` or
 * `? `), or where it indents a plain scalar's next line (yaml_parser_scan_plain_scalar). js-yaml reads `a:\n  \t# c`,
 * `-\tx` and a blank line `  \t` in a mapping as white space; the port decides (a tab in a block scalar, a quoted
 * scalar or a flow collection is content or white space there too).
 */
export function mayHaveTabInIndentation(text: string): boolean {
  return text.includes('\t') && TAB_IN_INDENTATION.test(text);
}

const TAB_IN_INDENTATION = /(?:^|[\n\r])[ ?:-]*\t/;

/**
 * Problems go-yaml finds only after scanning past their cause, like every problem where the text ran out: a document
 * marker inside a quoted scalar, a key's line that ended without its `:`. Its context mark is the cause: what was left
 * open (the quote, the bracket), the key.
 */
const AT_CONTEXT = new Set(['found unexpected document indicator', "could not find expected ':'"]);

/** The error itself, with the marks go-yaml's message is made from (the differential test compares that message). */
export function firstGoYamlError(text: string): GoYamlError | undefined {
  return errorIn(asKubectlReads(text).text);
}

function errorIn(input: string): GoYamlError | undefined {
  try {
    composeFirstDocument(new GoYamlParser(new GoYamlScanner(input)));
    return undefined;
  } catch (error) {
    // anything else is a flaw of this port: the caller keeps its own wording then
    return error instanceof GoYamlError ? error : undefined;
  }
}

/**
 * Where the first node of one of kubectl's documents ends, when go-yaml reads it and text follows that Unmarshal drops
 * (`!!float k:0.` then `{a: 1}: x`): kubectl then reports what decoding that node meets, not the rest.
 */
export function firstNodeEnd(text: string): number | undefined {
  const input = asKubectlReads(text);
  try {
    const end = composeFirstDocument(new GoYamlParser(new GoYamlScanner(input.text)));
    const offset = end === undefined ? text.length : input.toOriginal(end.start.offset);
    return offset < text.length ? offset : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a document's first node when go-yaml reads it and Unmarshal drops text after it (`{a: 1}` then `{b: 2}`). */
export function firstNodeText(text: string): string | undefined {
  const end = firstNodeEnd(text);
  return end === undefined ? undefined : text.slice(0, end);
}

/**
 * Anchors are known from the start of their node on, so an alias inside its own anchored node is no error here. The
 * document's end event marks what follows its node.
 */
function composeFirstDocument(parser: GoYamlParser): GoYamlEvent | undefined {
  parser.parse();
  const document = parser.parse();
  if (!document || document.type === 'stream-end') return undefined;
  const anchors = new Set<string>();
  let depth = 0;
  do {
    const event = parser.parse() as GoYamlEvent;
    if (event.type === 'alias' && !anchors.has(event.anchor ?? '')) {
      throw new GoYamlError('composer', `unknown anchor '${event.anchor ?? ''}' referenced`, event.start.offset);
    }
    if (event.anchor !== undefined && event.type !== 'alias') anchors.add(event.anchor);
    if (event.type === 'sequence-start' || event.type === 'mapping-start') depth++;
    if (event.type === 'sequence-end' || event.type === 'mapping-end') depth--;
  } while (depth > 0);
  return parser.parse();
}
