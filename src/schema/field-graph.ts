// Which fields an object at some path may have, from a validator's field graph ("did you mean" suggestions).
import type { Path } from '../model/document.js';
import type { FieldGraph } from './compiled-validator.js';

/** The field names allowed in the object at `path`, or [] when the path leaves the known definitions. */
export function fieldsAt(graph: FieldGraph, path: Path): string[] {
  const definition = definitionAt(graph, path);
  return definition === undefined ? [] : Object.keys(graph[definition] ?? {});
}

/** The definition of the object at `path` ("V1PodSpec"; "" for the root), or undefined when the path leaves the known definitions. */
export function definitionAt(graph: FieldGraph, path: Path): string | undefined {
  let definition = '';
  let container = false;
  for (const segment of path) {
    if (container) {
      container = false;
      continue;
    }
    const target = graph[definition]?.[String(segment)];
    if (!target) return undefined;
    container = target.endsWith('[]') || target.endsWith('{}');
    definition = container ? target.slice(0, -2) : target;
  }
  return container ? undefined : definition;
}
