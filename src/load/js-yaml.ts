// js-yaml, loaded on first use: plain block documents are read by the fast reader and never need it.
import { createRequire } from 'node:module';

type JsYaml = typeof import('js-yaml');
let loaded: JsYaml | undefined;

export function jsYaml(): JsYaml {
  return (loaded ??= createRequire(import.meta.url)('js-yaml') as JsYaml);
}

/** js-yaml's event, scalar and collection style codes (public constants of its event API), usable before it is loaded. */
export const EVENT_ID = { DOCUMENT: 1, SEQUENCE: 2, MAPPING: 3, SCALAR: 4, ALIAS: 5, POP: 6 } as const;
export const SCALAR_STYLE = { PLAIN: 1, SINGLE_QUOTED: 2, DOUBLE_QUOTED: 3, LITERAL_BLOCK: 4, FOLDED_BLOCK: 5 } as const;
export const COLLECTION_STYLE = { BLOCK: 1, FLOW: 2 } as const;
