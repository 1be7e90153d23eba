// A document's text as kubectl hands it to go-yaml: its reader reads lines with bufio.Reader.ReadLine, which drops the
// "\r" of a "\r\n" (only that one), and ends each line with "\n", the last one too.
// upstream: k8s.io/apimachinery/pkg/util/yaml/decoder.go LineReader.Read

export interface KubectlLines {
  readonly text: string;
  /** The offset in the file's document of an offset in `text`; a line feed's is that of the "\r" dropped before it. */
  readonly toOriginal: (offset: number) => number;
}

export function asKubectlReads(document: string): KubectlLines {
  const ended = document.endsWith('\n') ? document : `${document}\n`;
  if (!ended.includes('\r\n')) return { text: ended, toOriginal: (offset) => offset };
  /** Offsets in `text` of the line feeds whose "\r" was dropped, in order. */
  const lineFeeds: number[] = [];
  for (let at = ended.indexOf('\r\n'); at >= 0; at = ended.indexOf('\r\n', at + 2)) lineFeeds.push(at - lineFeeds.length);
  const toOriginal = (offset: number) => offset + countBelow(lineFeeds, offset);
  return { text: ended.replaceAll('\r\n', '\n'), toOriginal };
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
