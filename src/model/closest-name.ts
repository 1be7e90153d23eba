// "Did you mean": the known field closest to a misspelt one, if it is close enough to be a typo.

/** The candidate within a small edit distance of `name` (case differences count as one edit), or undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  const lowerName = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === lowerName ? 1 : boundedDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The kind closest to a misspelt `kind`, leaving out kinds it extends or that extend it by whole words: WorkflowRun
 * beside Workflow, PipelineRun beside Pipeline name other kinds, not typos of each other.
 */
export function closestKind(kind: string, candidates: readonly string[]): string | undefined {
  const extendsByWords = (longer: string, shorter: string) =>
    longer.length > shorter.length && ((longer.startsWith(shorter) && isWordStart(longer, shorter.length)) || (longer.endsWith(shorter) && isWordStart(longer, longer.length - shorter.length)));
  return closestName(kind, candidates.filter((candidate) => !extendsByWords(kind, candidate) && !extendsByWords(candidate, kind)));
}

/** Whether a CamelCase word starts at `index` of `name`. */
function isWordStart(name: string, index: number): boolean {
  const character = name[index] ?? '';
  return character !== character.toLowerCase();
}

/** A typo's likely target: the closest name, else the only candidate that starts with `name` ("latest" → "latest-tag"). */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const closest = closestName(name, candidates);
  if (closest !== undefined || name === '') return closest;
  const prefixed = candidates.filter((candidate) => candidate.startsWith(name));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** " (did you mean x?)" for a suggestion, or nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}

/** editDistance, or `bound` when it cannot be smaller: most of a schema's field names differ in length too much to need the table. */
function boundedDistance(a: string, b: string, bound: number): number {
  return Math.abs(a.length - b.length) >= bound ? bound : editDistance(a, b);
}

/** Edit distance where inserting, deleting, replacing a character or swapping two neighbours costs 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = distance;
    }
  }
  return at(a.length, b.length);
}
