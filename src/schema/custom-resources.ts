// A custom resource checked as the API server checks it when its CustomResourceDefinition is installed.
import { hasEmbeddedResources } from './embedded-resources.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { noKindMatch } from '../model/kinds.js';
import { closestName } from '../model/closest-name.js';
import type { CustomResourceDefinition, CustomResourceVersion } from './custom-resource-definition.js';
import { resourceSchema } from './custom-schemas.js';
import { deprecationWarning } from './crd-deprecation.js';
import { hasCelRules } from './cel-validations.js';
import { hasListTypes } from './list-type.js';
import { schemaDigest } from './validation-verdicts.js';
import { DEPRECATED_API } from './deprecated-apis.js';
import { applyDefaults } from './structural-defaults.js';
import { API_VALIDATION, errorMessageOf, toPath, type ErrorPrinting } from './validation/field-error.js';
import { finalizerWarnings, nameIsDNSSubdomain, validateObjectMeta } from './validation/object-meta.js';
import { holdsSubstitution } from '../model/substitution.js';

export const UNKNOWN_KIND_ID = 'unknown-kind';

/** The outcome of finding the version of the CRD a custom resource names. */
export type ServedVersion = { readonly version: CustomResourceVersion; readonly findings: Finding[] } | { readonly findings: Finding[] };

/** The CRD version `object` names, or an error when the CRD does not define or serve it; a warning when deprecated. */
export function servedVersion(object: KubeObject, definition: CustomResourceDefinition): ServedVersion {
  const { apiVersion, kind } = object.ref;
  const name = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const version = definition.versions.find((entry) => entry.name === name);
  const noMatch = noKindMatch(apiVersion, kind);
  const served = definition.versions.filter((entry) => entry.served).map((entry) => entry.name);
  if (!version || !version.served) {
    const suggestion = closestName(name, served);
    const why = version ? `does not serve ${name} (served: false)` : `defines no version ${name}`;
    const hint = suggestion ? ` (did you mean ${definition.group}/${suggestion}?)` : served.length > 0 ? `; it serves ${served.join(', ')}` : '';
    // another copy of the CRD serves it: which copy the cluster ends with depends on the order of applying
    const elsewhere = definition.servedByOtherCopies?.has(name) === true;
    const message = `${noMatch}: CustomResourceDefinition ${definition.name} ${why}${hint}${elsewhere ? '; another copy of this CustomResourceDefinition in the inputs serves it (the last one applied wins)' : ''}`;
    return { findings: [findingAt(object, ['apiVersion'], { ruleId: UNKNOWN_KIND_ID, severity: elsewhere ? 'warning' : 'error', message })] };
  }
  if (!version.deprecated) return { version, findings: [] };
  const message = version.deprecationWarning ?? deprecationWarning(name, definition);
  return { version, findings: [findingAt(object, ['apiVersion'], { ruleId: DEPRECATED_API.id, severity: 'warning', message })] };
}

/**
 * ObjectMeta findings of a custom resource (upstream: apiextensions-apiserver customresource validator.go,
 * apimachinery's ValidateObjectMetaAccessor with NameIsDNSSubdomain); the namespace is left to the API server's
 * routing, as a cluster-scoped resource drops it. Its finalizers need not be standard or domain-qualified (see
 * finalizerWarningFindings), worded as `printing` says. `blocking`: an error that keeps the API server from evaluating
 * CEL rules.
 */
export function objectMetaFindings(object: KubeObject, printing: ErrorPrinting): { readonly findings: Finding[]; readonly blocking: boolean } {
  // a name holding `${APP}` is replaced before the API server sees it (model/substitution.ts)
  const errors = validateObjectMeta(object.value['metadata'], { namespaced: false, nameFn: nameIsDNSSubdomain, kubeFinalizerNames: false }).filter((error) => !holdsSubstitution(error.value));
  const findings = errors.map((error) => findingAt(object, error.at ?? toPath(error.field), { ruleId: error.ruleId, severity: 'error', message: errorMessageOf(error, printing) }, error.on));
  // upstream hasBlockingErr: these keep x-kubernetes-validations from being evaluated
  return { findings, blocking: errors.some((error) => error.type === 'Required value' || error.type === 'Unsupported value' || error.type === 'Too long') };
}

/**
 * The warnings kubectl prints for a valid custom resource's finalizers that are neither standard nor domain-qualified
 * (Argo CD's `resources-finalizer.argocd.argoproj.io`): the API server returns them with the created object, and an
 * invalid object gets its errors only (rest.BeforeCreate validates before it asks the strategy for warnings).
 */
export function finalizerWarningFindings(object: KubeObject): Finding[] {
  return finalizerWarnings(object.value['metadata']).map(({ index, message }) => findingAt(object, ['metadata', 'finalizers', index], { ruleId: API_VALIDATION, severity: 'warning', message }));
}

/**
 * The value the API server validates: CRD defaults applied (upstream: apiextensions-apiserver schema/defaulting
 * algorithm.go Default) and `status` dropped when the status subresource is on (the create strategy resets it).
 */
export function valueToValidate(value: unknown, version: CustomResourceVersion): unknown {
  const defaulted = version.schema ? applyDefaults(value, version.schema) : value;
  if (!version.hasStatusSubresource || typeof defaulted !== 'object' || defaulted === null) return defaulted;
  const { status: _dropped, ...rest } = defaulted as Record<string, unknown>;
  return rest;
}

/** The JSON Schema a served version's custom resources are validated with. */
export function versionSchema(version: CustomResourceVersion): Record<string, unknown> | undefined {
  if (!version.schema) return undefined;
  // built once per version: a repository validates many resources of each CRD version
  let schema = resourceSchemas.get(version);
  if (!schema) resourceSchemas.set(version, (schema = resourceSchema(version.schema)));
  return schema;
}

const resourceSchemas = new WeakMap<CustomResourceVersion, Record<string, unknown>>();

/**
 * What the verdicts of a version's custom resources depend on besides the value: its schema, by the digest of its
 * document (free) or else of its JSON; undefined without a schema.
 */
export function versionDigest(version: CustomResourceVersion): string | undefined {
  if (!version.schema) return undefined;
  return version.schemaOrigin === undefined ? schemaFactsOf(version).digest : schemaDigest(version.schemaOrigin);
}

/** True when the version's schema carries x-kubernetes-validations anywhere. */
export function versionHasCelRules(version: CustomResourceVersion): boolean {
  return version.schema !== undefined && schemaFactsOf(version).hasCelRules;
}

/** True when the version's schema marks any list as an x-kubernetes-list-type set or map. */
export function versionHasListTypes(version: CustomResourceVersion): boolean {
  return version.schema !== undefined && schemaFactsOf(version).hasListTypes;
}

/** True when the version's schema marks any object as an x-kubernetes-embedded-resource. */
export function versionHasEmbeddedResources(version: CustomResourceVersion): boolean {
  return version.schema !== undefined && schemaFactsOf(version).hasEmbeddedResources;
}

interface SchemaFacts {
  readonly digest: string;
  readonly hasCelRules: boolean;
  readonly hasListTypes: boolean;
  readonly hasEmbeddedResources: boolean;
}

/** Worked out once per version from one JSON text of its schema. */
function schemaFactsOf(version: CustomResourceVersion): SchemaFacts {
  let facts = schemaFacts.get(version);
  if (!facts) {
    const json = JSON.stringify(version.schema);
    schemaFacts.set(version, (facts = { digest: schemaDigest(json), hasCelRules: hasCelRules(json), hasListTypes: hasListTypes(json), hasEmbeddedResources: hasEmbeddedResources(json) }));
  }
  return facts;
}

const schemaFacts = new WeakMap<CustomResourceVersion, SchemaFacts>();
