// The items of a `kubectl get ... -o yaml` List, read as documents of their own when a cluster snapshot is read without
// positions: kubectl writes every item as `- ` at the start of a line, then its lines indented by two, so an item's
// text with its `- ` written as two spaces is a document of the same value whose offsets are the file's. Each item can
// then be read as a copy of an earlier one of its layout (document-templates.ts), as a multi-document snapshot is; the
// List itself (`kind: List`, an empty resourceVersion) is kubectl's wrapper, not an object.

/** An item's extent in the file: `start` is at its `- `. */
export interface ListItem {
  readonly start: number;
  readonly end: number;
}

/** `apiVersion: v1`, then `items:`, as kubectl writes a List (its keys sorted). */
const LIST_HEAD = /^apiVersion: v1\r?\nitems:\r?\n(?=- )/;
/** What kubectl writes after the items. */
const LIST_TAIL = /^kind: List\r?\nmetadata:\r?\n(?: {2}(?:resourceVersion|selfLink): (?:""|'')(?:\r?\n|$))*$/;

/**
 * The items of the document text[start, end) when it is a List as kubectl writes it, at most `max` of them; undefined
 * for any other document (then it is read whole, as before).
 */
export function kubectlListItems(text: string, start: number, end: number, max: number): ListItem[] | undefined {
  const head = LIST_HEAD.exec(text.slice(start, Math.min(end, start + 32)));
  if (!head) return undefined;
  const items: ListItem[] = [];
  let line = start + head[0].length;
  let itemStart = line;
  while (line < end) {
    const code = text.charCodeAt(line);
    if (code === DASH && text.charCodeAt(line + 1) === SPACE) {
      if (line > itemStart) items.push({ start: itemStart, end: line });
      itemStart = line;
    } else if (code !== SPACE && code !== LF && code !== CR) break;
    const next = text.indexOf('\n', line);
    line = next < 0 || next >= end ? end : next + 1;
  }
  if (line >= end || !LIST_TAIL.test(text.slice(line, end))) return undefined;
  items.push({ start: itemStart, end: line });
  return items.length <= max && items.every((item) => hasTypeMeta(text, item)) ? items : undefined;
}

/**
 * Whether the item starts with its apiVersion and sets a kind, as kubectl writes every item: a List's item without
 * them is an error of the List (objectsOf), which a document of its own would not report the same way.
 */
function hasTypeMeta(text: string, item: ListItem): boolean {
  if (!text.startsWith('- apiVersion: ', item.start)) return false;
  const kind = text.indexOf('\n  kind: ', item.start);
  return kind >= 0 && kind < item.end;
}

/** An item's text as a document: its `- ` written as two spaces, so that every offset stays the file's. */
export function itemDocumentText(text: string, item: ListItem): string {
  return `  ${text.slice(item.start + 2, item.end)}`;
}

const DASH = 0x2d;
const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
