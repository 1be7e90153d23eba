// What a built-in kind lacks or gates in older Kubernetes releases, loaded per kind on first use (schemas/releases/).
import { createRequire } from 'node:module';
import { BUILTIN_KINDS } from './builtin-kinds.js';

/** One field of the newest schema across the shipped releases. */
export interface FieldFact {
  /** First shipped release that has the field; absent when the oldest shipped release has it. */
  readonly since?: string;
  /** Maturity in the first release that has it, when not GA there. */
  readonly maturity?: 'alpha' | 'beta';
  /** The feature gate that guards it. */
  readonly gate?: string;
  /** First release in which it is on by default; null when still off in the newest; absent when always on. */
  readonly onFrom?: string | null;
}

/** Definitions are the newest schema's ('' = the kind itself), as in a validator's field graph. */
export interface KindDelta {
  /** First shipped release that serves the kind; absent when the oldest shipped release does. */
  readonly servedFrom?: string;
  /** Definition → field → facts, for fields newer than the oldest release or off by default in some release. */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, FieldFact>>>>;
  /** Definition → key → last release that had it, for keys the newest release no longer has. */
  readonly removed?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, KindDelta>();

/** The release facts of a built-in kind, or undefined when kubefit has no schema for it. */
export function kindDelta(apiVersion: string, kind: string): KindDelta | undefined {
  const file = BUILTIN_KINDS[`${apiVersion} ${kind}`];
  if (file === undefined) return undefined;
  let delta = loaded.get(file);
  if (!delta) {
    // schemas/ sits two levels up both from src/schema (tests) and from dist/src/schema (dist/schemas, copied at build)
    delta = require(`../../schemas/releases/${file}.json`) as KindDelta;
    loaded.set(file, delta);
  }
  return delta;
}
