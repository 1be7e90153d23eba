// What a built-in kind lacks or gates in older Kubernetes releases, loaded per kind on first use (schemas/releases/).
import { perKindFiles } from './kind-files.js';

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
  /** First release after `onFrom` in which it is off by default again (MaxUnavailableStatefulSet in 1.36). */
  readonly offFrom?: string;
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

/** The release facts of a built-in kind, or undefined when kubefit has no schema for it. */
export const kindDelta = perKindFiles<KindDelta>((base) => `releases/${base}.json`);
