// Schema validation of Kubernetes objects (issue #3 fills this in).
import type { Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';

export interface SchemaOptions {
  /** "1.35", "v1.34", ...: which shipped schema set and deprecation table to use; newest when absent. */
  readonly kubernetesVersion: string | undefined;
  /** Extra JSON Schemas for custom resources, keyed by `group/kind_version` lower-case (see schema-dirs.ts). */
  readonly extraSchemas: ReadonlyMap<string, unknown>;
  /** Report custom resources without a schema as errors instead of one info per kind. */
  readonly strictKinds: boolean;
}

/** Checks every object of the main inputs against its schema; returns one finding per problem. */
export function validateObjects(objects: readonly KubeObject[], options: SchemaOptions): Finding[] {
  void objects;
  void options;
  return [];
}

/** Metadata of every finding id the schema stage can emit. */
export const SCHEMA_CHECKS: readonly RuleMeta[] = [];
