// Schema validation of Kubernetes objects: precompiled built-in schemas, deprecated and unknown APIs.
import { groupOf } from '../model/kinds.js';
import { compareFindings, findingAt, type Finding } from '../model/finding.js';
import { NEWEST_RELEASE } from '../model/kubernetes-version.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { toWorkload } from '../model/workload.js';
import { BUILTIN_KINDS } from './builtin-kinds.js';
import { builtinValidator } from './builtin-validators.js';
import type { CompiledValidator, FieldGraph } from './compiled-validator.js';
import { closestName } from './closest-name.js';
import { compileCustomSchema, customSchemas, schemaFor, type CustomValidator } from './custom-schemas.js';
import { checkDeprecatedApi, DEPRECATED_API, REMOVED_APIS } from './deprecated-apis.js';
import { explainErrors, SCHEMA_RULE } from './explain.js';
import { kindDelta } from './release-deltas.js';
import { checkRelease, judgeDroppedKey } from './release-fields.js';
import { withoutNulls } from './without-nulls.js';
import { checkWorkload, WORKLOAD_CHECK_METAS } from './workload-checks.js';

export interface SchemaOptions {
  /**
   * The Kubernetes release the run checks ("1.29"): its kinds, fields, feature-gate defaults and deprecations. The
   * newest shipped release when absent. check.ts resolves it once (resolveKubernetesRelease) for every analyser.
   */
  readonly kubernetesVersion: string | undefined;
  /** Extra JSON Schemas for custom resources, keyed by `group/kind_version` lower-case (see schema-dirs.ts). */
  readonly extraSchemas: ReadonlyMap<string, unknown>;
  /** Report custom resources without a schema as errors instead of one info per kind. */
  readonly strictKinds: boolean;
}

export const SCHEMA: RuleMeta = {
  id: SCHEMA_RULE,
  severity: 'error',
  category: 'schema',
  description: 'object does not match the Kubernetes schema of its kind: unknown field, wrong type, value outside an enum, invalid quantity, missing required field; a field the checked release does not have yet (error) or gates off by default (warning)',
  rationale: 'kubectl apply rejects such objects, or silently drops unknown fields, so the cluster runs something other than what the manifest says.',
  remediation: 'Fix the field as the message says; `kubectl explain <kind>.<path>` shows the fields a kind accepts.',
  defaultOn: true,
};

export const UNKNOWN_KIND: RuleMeta = {
  id: 'unknown-kind',
  severity: 'error',
  category: 'schema',
  description: 'apiVersion and kind with no known schema (a typo, an unserved version, or a custom resource without a schema)',
  rationale: 'An object whose kind the cluster does not serve cannot be applied, and an object kubefit has no schema for is not validated.',
  remediation: 'Fix the apiVersion or kind; for custom resources, pass their JSON Schemas with --schemas or include the CustomResourceDefinition in the inputs.',
  defaultOn: true,
};

/** API groups served by Kubernetes itself: a kind of these groups without a schema is unknown, not custom. */
const BUILTIN_GROUPS = new Set([
  ...Object.keys(BUILTIN_KINDS).map((key) => groupOf(key.slice(0, key.indexOf(' ')))),
  ...REMOVED_APIS.map((api) => groupOf(api.apiVersion)),
  'storagemigration.k8s.io', 'internal.apiserver.k8s.io', 'imagepolicy.k8s.io', 'admission.k8s.io', 'apidiscovery.k8s.io',
]);

/** Checks every object of the main inputs against its schema; returns one finding per problem. */
export function validateObjects(objects: readonly KubeObject[], options: SchemaOptions): Finding[] {
  const findings: Finding[] = [];
  const reportedKinds = new Set<string>();
  const custom = customSchemas(objects, options.extraSchemas);
  const compiled = new Map<string, CustomValidator | string>();
  for (const object of objects) {
    if (object.fromCluster) continue;
    const deprecated = checkDeprecatedApi(object, options.kubernetesVersion);
    if (deprecated) findings.push(deprecated);
    const validator = builtinValidator(object.ref.apiVersion, object.ref.kind);
    if (validator) {
      findings.push(...builtinFindings(validator, object, options.kubernetesVersion));
      continue;
    }
    if (deprecated) continue;
    const found = schemaFor(custom, object.ref.apiVersion, object.ref.kind);
    if (!found) {
      findings.push(...missingSchema(object, options, reportedKinds));
      continue;
    }
    const customValidator = compiled.get(found.key) ?? compileCustomSchema(found.schema);
    compiled.set(found.key, customValidator);
    if (typeof customValidator !== 'string') findings.push(...validateWith(customValidator.validate, object, customValidator.fields));
    else if (!reportedKinds.has(found.key)) {
      reportedKinds.add(found.key);
      const message = `the schema of ${object.ref.apiVersion} ${object.ref.kind} cannot be used: ${customValidator}`;
      findings.push(findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'warning', message }));
    }
  }
  return findings;
}

/** A built-in kind: its schema (the newest release's) and workload checks, judged by the release the run checks. */
function builtinFindings(validator: CompiledValidator, object: KubeObject, kubernetesVersion: string | undefined): Finding[] {
  const release = kubernetesVersion ?? NEWEST_RELEASE;
  const verdict = checkRelease(object, release, kindDelta(object.ref.apiVersion, object.ref.kind) ?? {}, validator.fields ?? {});
  if (!verdict.served) return [...verdict.findings];
  const schema = validateWith(validator, object).flatMap((finding) => {
    const lastRelease = finding.path === null ? undefined : verdict.droppedKeys.get(finding.path);
    const judged = lastRelease === undefined ? finding : judgeDroppedKey(finding, release, lastRelease);
    return judged ? [judged] : [];
  });
  return [...schema, ...verdict.findings, ...workloadFindings(object)].sort(compareFindings);
}

function validateWith(validator: CompiledValidator, object: KubeObject, fields: FieldGraph = validator.fields ?? {}): Finding[] {
  if (validator(withoutNulls(object.value))) return [];
  return explainErrors(object, validator.errors ?? [], fields).sort(compareFindings);
}

function workloadFindings(object: KubeObject): Finding[] {
  const workload = toWorkload(object);
  return workload ? checkWorkload(workload).sort(compareFindings) : [];
}

/** unknown-kind: an error for built-in groups; for custom resources one info per kind unless strictKinds. */
function missingSchema(object: KubeObject, options: SchemaOptions, reportedKinds: Set<string>): Finding[] {
  const { apiVersion, kind } = object.ref;
  const builtin = BUILTIN_GROUPS.has(groupOf(apiVersion));
  const prerelease = /\/v\d+(alpha|beta)\d+$/.test(apiVersion);
  if (builtin && !prerelease) {
    const message = `unknown apiVersion and kind: Kubernetes has no ${apiVersion} ${kind}${kindHint(apiVersion, kind)}`;
    return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'error', message })];
  }
  const what = builtin ? `${apiVersion} ${kind} (kubefit has schemas for GA APIs only)` : `custom resource ${apiVersion} ${kind}`;
  if (options.strictKinds) return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'error', message: `no schema for ${what}` })];
  const key = `${apiVersion} ${kind}`;
  if (reportedKinds.has(key)) return [];
  reportedKinds.add(key);
  const message = `no schema for ${what}: not validated`;
  return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'info', message })];
}

/** "(did you mean Deployment?)" for a misspelt kind, "(CronJob is batch/v1)" for a kind in another API group. */
function kindHint(apiVersion: string, kind: string): string {
  const known = Object.keys(BUILTIN_KINDS).map((key) => ({ apiVersion: key.slice(0, key.indexOf(' ')), kind: key.slice(key.indexOf(' ') + 1) }));
  const elsewhere = known.filter((entry) => entry.kind === kind).map((entry) => entry.apiVersion);
  if (elsewhere.length > 0) return ` (${kind} is ${elsewhere.join(' or ')})`;
  const suggestion = closestName(kind, known.filter((entry) => entry.apiVersion === apiVersion).map((entry) => entry.kind));
  return suggestion ? ` (did you mean ${suggestion}?)` : '';
}

/** Metadata of every finding id the schema stage can emit. */
export const SCHEMA_CHECKS: readonly RuleMeta[] = [SCHEMA, UNKNOWN_KIND, DEPRECATED_API, ...WORKLOAD_CHECK_METAS];
