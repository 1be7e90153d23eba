// Schema validation of Kubernetes objects: precompiled built-in schemas, deprecated and unknown APIs.
import { withoutPatchDirectives } from '../load/kustomize.js';
import type { CodeStore } from '../load/validator-cache-dir.js';
import { appendAll } from '../model/append.js';
import { groupOf, noKindMatch } from '../model/kinds.js';
import { compareFindings, findingAt, type Finding } from '../model/finding.js';
import { compareReleases, NEWEST_RELEASE } from '../model/kubernetes-version.js';
import { QUANTITY_PATTERN } from '../model/quantity.js';
import { asRecord, type KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { BUILTIN_KINDS } from './builtin-kinds.js';
import { builtinValidator, saveBuiltinCodeCaches } from './builtin-validators.js';
import type { CompiledValidator, FieldGraph, SchemaError } from './compiled-validator.js';
import { closestKind } from '../model/closest-name.js';
import { DefinitionCollector, DUPLICATE_CRD, groupKind, type CustomResourceDefinition, type CustomResourceDefinitions, type CustomResourceVersion } from './custom-resource-definition.js';
import { finalizerWarningFindings, objectMetaFindings, servedVersion, valueToValidate, versionDigest, versionHasCelRules, versionHasEmbeddedResources, versionHasListTypes, versionSchema } from './custom-resources.js';
import { validateEmbeddedResources } from './embedded-resources.js';
import { validateListSetsAndMaps } from './list-type.js';
import { errorMessageOf, errorPrinting, toPath, type ErrorPrinting, type FieldError } from './validation/field-error.js';
import { cleanObjectKey, readVerdict, verdictKey, writeVerdict } from './validation-verdicts.js';
import { compileCustomSchema, customSchemas, fieldGraphOf, schemaFor, type CustomValidator } from './custom-schemas.js';
import { CEL_VALUES_SHOWN_SINCE, createCelRuntime, evaluateCelRules, type CelOutcome, type CelRuntime } from './cel-validations.js';
import { checkDeprecatedApi, DEPRECATED_API, REMOVED_APIS } from './deprecated-apis.js';
import { goIntegerOverflow } from './go-integers.js';
import { explainErrors, isSubstitutionError, SCHEMA_RULE } from './explain.js';
import { holdsSubstitution, holdsSubstitutionDeep } from '../model/substitution.js';
import { kindDelta } from './release-deltas.js';
import { checkRelease, judgeDroppedKey } from './release-fields.js';
import { hasNullEntry, unknownNullFields, withoutNulls, withZeroItems } from './without-nulls.js';
import { withByteLists } from './byte-lists.js';
import { isUnenforcedRequired } from './unenforced-required.js';
import { API_VALIDATION_METAS, validateBuiltinObject } from './validation/index.js';
import { componentConfigurationNote } from '../model/component-configuration.js';
import { MutatingWebhookCollector } from './mutating-webhooks.js';

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
  /** Keeps compiled custom-resource validators between runs; none when absent. */
  readonly validatorStore?: CodeStore | undefined;
}

export const SCHEMA: RuleMeta = {
  id: SCHEMA_RULE,
  severity: 'error',
  category: 'schema',
  description: 'object does not match the Kubernetes schema of its kind: unknown field, wrong type, value outside an enum, invalid quantity, missing required field; a field the checked release does not have yet (error) or gates off by default (warning)',
  rationale: 'kubectl apply rejects such objects, or silently drops unknown fields, so the cluster runs something other than what the manifest says. A custom resource\'s missing required field is an info when a MutatingWebhookConfiguration of the inputs intercepts its creation: mutating admission runs before validation, and the webhook may set it.',
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

export const CEL_NOT_EVALUATED: RuleMeta = {
  id: 'cel-not-evaluated',
  severity: 'info',
  category: 'schema',
  description: 'a CRD x-kubernetes-validations rule uses a CEL function or type kubefit cannot evaluate offline, so it was skipped',
  rationale: 'The API server evaluates every rule; kubefit reports what it skipped instead of guessing a verdict.',
  remediation: 'Check the rule against a cluster (kubectl apply --dry-run=server), or ignore this info.',
  defaultOn: true,
};

/** API groups served by Kubernetes itself: a kind of these groups without a schema is unknown, not custom. */
const BUILTIN_GROUPS = new Set([
  ...Object.keys(BUILTIN_KINDS).map((key) => groupOf(key.slice(0, key.indexOf(' ')))),
  ...REMOVED_APIS.map((api) => groupOf(api.apiVersion)),
  'storagemigration.k8s.io', 'internal.apiserver.k8s.io', 'imagepolicy.k8s.io', 'admission.k8s.io', 'apidiscovery.k8s.io',
]);

/**
 * Checks every object of the main inputs against its schema; returns one finding per problem. `patches` (kustomize
 * strategic-merge patches) are fragments: only their field names are checked, against the kind they patch.
 */
export function validateObjects(objects: readonly KubeObject[], options: SchemaOptions, patches: readonly KubeObject[] = []): Finding[] {
  const validation = new SchemaValidation(options);
  for (const object of objects) validation.define(object);
  const findings: Finding[] = [...validation.definitionFindings()];
  for (const object of objects) appendAll(findings, validation.validateBuiltin(object) ?? validation.validateCustom(object));
  for (const patch of patches) appendAll(findings, validation.validatePatch(patch));
  validation.saveCodeCaches();
  return findings;
}

/**
 * validateObjects for a streamed run: `define` and `validateBuiltin` while an object's document is in memory, then,
 * once every CustomResourceDefinition is read, `definitionFindings`, `validateCustom` for the objects validateBuiltin
 * left and `validatePatch`.
 */
export class SchemaValidation {
  readonly #options: SchemaOptions;
  readonly #definitions = new DefinitionCollector();
  readonly #webhooks = new MutatingWebhookCollector();
  #run: CustomRun | undefined;

  constructor(options: SchemaOptions) {
    this.#options = options;
  }

  /**
   * Reads a CustomResourceDefinition of the inputs (custom resources are checked against the last copy of each) or a
   * MutatingWebhookConfiguration (which may set fields of the custom resources it intercepts); other objects are ignored.
   */
  define(object: KubeObject): void {
    if (this.#run) throw new Error('a CustomResourceDefinition was added after custom resources were validated');
    this.#definitions.add(object);
    this.#webhooks.add(object);
  }

  /**
   * `define` for an object of the --context files: its CustomResourceDefinition validates custom resources of the
   * inputs when they do not define that name themselves, and its MutatingWebhookConfiguration intercepts them.
   */
  defineContext(object: KubeObject): void {
    if (this.#run) throw new Error('a CustomResourceDefinition was added after custom resources were validated');
    this.#definitions.addContext(object);
    this.#webhooks.add(object);
  }

  /**
   * Findings of an object with a built-in schema or a deprecated API; undefined for one that waits for validateCustom.
   * An object of a large document (a CRD) found without problems is remembered so by the document's digest.
   */
  validateBuiltin(object: KubeObject): Finding[] | undefined {
    if (object.fromCluster) return [];
    const { validatorStore: store, kubernetesVersion } = this.#options;
    const clean = store && object.document.digest !== undefined ? cleanObjectKey(object.document.digest, object.basePath, kubernetesVersion ?? NEWEST_RELEASE) : undefined;
    if (store && clean && store.read(clean)) return [];
    const findings = this.#builtinFindings(object);
    if (store && clean && findings?.length === 0) store.write(clean, '');
    return findings;
  }

  #builtinFindings(object: KubeObject): Finding[] | undefined {
    const deprecated = checkDeprecatedApi(object, this.#options.kubernetesVersion);
    const validator = builtinValidator(object.ref.apiVersion, object.ref.kind, this.#options.validatorStore);
    if (validator) return deprecated ? [deprecated, ...builtinFindings(validator, object, this.#options.kubernetesVersion)] : builtinFindings(validator, object, this.#options.kubernetesVersion);
    return deprecated ? [deprecated] : undefined;
  }

  /** The duplicate-crd warnings; every definition has been read after this. */
  definitionFindings(): readonly Finding[] {
    return this.#custom().definitions.findings;
  }

  /** A custom resource: by its CRD among the inputs (as the API server would), else by a --schemas file. */
  validateCustom(object: KubeObject): Finding[] {
    return object.fromCluster ? [] : validateCustomResource(object, this.#custom());
  }

  /**
   * validateCustom for every custom resource of the run. Their verdicts are kept in the store only up to
   * MAX_CACHED_RESOURCES of them: each is a file to read or write, and for thousands of resources that costs more than
   * starting the validators once saves (6,000 ServiceMonitors: 0.9 s without the cache, 1.5 s cold, 1.2 s warm).
   */
  validateCustomResources(objects: readonly KubeObject[]): Finding[] {
    const run = this.#custom();
    run.cacheVerdicts = objects.length <= MAX_CACHED_RESOURCES;
    const findings: Finding[] = [];
    for (const object of objects) appendAll(findings, this.validateCustom(object));
    return findings;
  }

  validatePatch(patch: KubeObject): Finding[] {
    return validatePatch(patch, this.#custom());
  }

  /** Writes the code caches of the built-in validators the run used (see builtin-validators.ts); call once, at the end. */
  saveCodeCaches(): void {
    saveBuiltinCodeCaches();
  }

  #custom(): CustomRun {
    const options = this.#options;
    return (this.#run ??= { options, definitions: this.#definitions.result(), webhooks: this.#webhooks, extra: customSchemas(options.extraSchemas), compiled: new Map(), fieldGraphs: new Map(), cacheVerdicts: true, reportedKinds: new Set(), cel: { reported: new Set() }, printing: errorPrinting(options.kubernetesVersion ?? NEWEST_RELEASE) });
  }
}

/** upstream: kustomize strategic-merge patches; directives ($patch, $setElementOrder/..., $retainKeys) are not fields. */
function validatePatch(patch: KubeObject, run: CustomRun): Finding[] {
  if (patch.fromCluster || patch.value['$patch'] === 'delete') return [];
  const { apiVersion, kind } = patch.ref;
  const definition = run.definitions.byGroupKind.get(groupKind(groupOf(apiVersion), kind));
  const version = definition?.versions.find((entry) => `${definition.group}/${entry.name}` === apiVersion);
  const schema = version ? versionSchema(version) : undefined;
  const builtin = builtinValidator(apiVersion, kind, run.options.validatorStore);
  const validator = builtin ? { validate: builtin, fields: builtin.fields ?? {} } : schema && version && definition && compiledFor(run, `${definition.name} ${version.name}`, schema);
  if (!validator || typeof validator === 'string' || validator.validate(withoutPatchDirectives(withoutNulls(patch.value)))) return [];
  const unknownFields = (validator.validate.errors ?? []).filter((error) => error.keyword === 'additionalProperties');
  return explainErrors(patch, unknownFields, validator.fields, run.printing).sort(compareFindings);
}

interface CustomRun {
  readonly options: SchemaOptions;
  readonly definitions: CustomResourceDefinitions;
  readonly webhooks: MutatingWebhookCollector;
  readonly extra: ReadonlyMap<string, Record<string, unknown>>;
  readonly compiled: Map<string, CustomValidator | string>;
  readonly fieldGraphs: Map<string, FieldGraph>;
  cacheVerdicts: boolean;
  readonly reportedKinds: Set<string>;
  readonly cel: { runtime?: CelRuntime; readonly reported: Set<string> };
  /** How the checked release's apimachinery words the schema's field errors. */
  readonly printing: ErrorPrinting;
}

function validateCustomResource(object: KubeObject, run: CustomRun): Finding[] {
  const { apiVersion, kind } = object.ref;
  // `apiVersion: $API_VERSION` or `kind: ${ROLE_KIND}` is replaced before the object is applied (model/substitution.ts)
  const substituted = holdsSubstitution(apiVersion) ? 'apiVersion' : holdsSubstitution(kind) ? 'kind' : undefined;
  if (substituted !== undefined) {
    const message = `${apiVersion} ${kind}: its ${substituted} holds a substitution variable, replaced before the object is applied: not validated`;
    return onceForKind(run, `${apiVersion} ${kind}`, () => findingAt(object, [substituted], { ruleId: UNKNOWN_KIND.id, severity: 'info', message }));
  }
  // a tool's file is not validated even when the inputs hold a CRD of its kind (for editors)
  const configuration = componentConfigurationNote(groupOf(apiVersion), apiVersion, kind);
  if (configuration !== undefined) return onceForKind(run, `${apiVersion} ${kind}`, () => findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'info', message: configuration }));
  const definition = run.definitions.byGroupKind.get(groupKind(groupOf(apiVersion), kind));
  if (definition) return validateByDefinition(object, definition, run);
  const found = schemaFor(run.extra, apiVersion, kind);
  if (!found) return missingSchema(object, run);
  return validateBySchema(object, { key: found.key, schema: found.schema, value: object.value }, run);
}

function validateByDefinition(object: KubeObject, definition: CustomResourceDefinition, run: CustomRun): Finding[] {
  const served = servedVersion(object, definition);
  if (!('version' in served)) return served.findings;
  const meta = objectMetaFindings(object, run.printing);
  const metaValidator = objectMetaValidator(run.options.validatorStore);
  // a custom resource is decoded as JSON, not into ObjectMeta's Go fields: a number beyond int64 there is no error
  const metaErrors = errorsOf(metaValidator, object).filter((error) => goIntegerOverflow(error) === undefined);
  const metaSchema = explainErrors(object, metaErrors, metaValidator.fields ?? {}, run.printing).sort(compareFindings);
  // as for a built-in kind, a field the ObjectMeta schema reports missing is not reported again as "Required value"
  const findings = [...served.findings, ...withoutSchemaDuplicates(meta.findings, metaSchema), ...metaSchema];
  const { version } = served;
  const digest = versionDigest(version);
  if (digest === undefined) return withFinalizerWarnings(findings, object).sort(compareFindings);
  const key = `${definition.name} ${version.name}`;
  const value = valueToValidate(withoutNulls(object.value), version);
  const verdict = verdictOf(run, { key, version, value }, digest);
  const fields = () => (run.compiled.get(key) as CustomValidator | undefined)?.fields ?? fieldGraphFor(run, key, version);
  const webhook = run.webhooks.mutatingOnCreate(definition.group, version.name, definition.plural, definition.versions.map((each) => each.name));
  const schemaErrors = typeof verdict.schemaErrors === 'string' ? verdict.schemaErrors : [...verdict.schemaErrors, ...customUnknownNullFields(run, { key, version, value: object.value })];
  const { judged, deferred } = deferToWebhook(schemaErrors, webhook);
  appendAll(findings, schemaFindings(object, judged, { key, fields }, run));
  if (webhook && deferred.length > 0) appendAll(findings, webhookNotes(object, deferred, { webhook, fields: fields(), printing: run.printing }));
  if (version.schema && versionHasListTypes(version)) appendAll(findings, fieldErrorFindings(object, validateListSetsAndMaps(value, version.schema), run.printing));
  if (version.schema && versionHasEmbeddedResources(version)) appendAll(findings, fieldErrorFindings(object, validateEmbeddedResources(value, version.schema), run.printing));
  if (verdict.cel) {
    const blocking = [...metaErrors, ...(typeof judged === 'string' ? [] : judged)].filter((error) => BLOCKING_KEYWORDS.has(error.keyword));
    const blocked = meta.blocking || blocking.some((error) => !isSubstitutionError(object, error));
    // rules that read a value holding `${APP}` cannot be judged before it is replaced (model/substitution.ts)
    if (blocked) findings.push(findingAt(object, [], { ruleId: SCHEMA.id, severity: 'error', message: celNotChecked(run.options.kubernetesVersion ?? NEWEST_RELEASE) }));
    // the rules see the object as the webhook leaves it, which is not known: they are not judged either
    else if (deferred.length === 0 && !holdsSubstitutionDeep(object.value)) appendAll(findings, celFindings(object, definition, verdict.cel, run));
  }
  return withFinalizerWarnings(findings, object).sort(compareFindings);
}

/**
 * Field errors of the custom resource strategy's checks after the schema (items repeating a list-type set's value or
 * a map's keys, which do not block CEL; embedded resources), as schema findings at their fields, in the release's words.
 */
function fieldErrorFindings(object: KubeObject, errors: readonly FieldError[], printing: ErrorPrinting): Finding[] {
  return errors.map((error) => findingAt(object, toPath(error.field), { ruleId: SCHEMA.id, severity: 'error', message: errorMessageOf(error, printing) }));
}

/**
 * The schema errors to report, and the missing required fields a mutating webhook of the inputs may set on create
 * (its defaulting runs before the API server validates the object).
 */
function deferToWebhook(errors: readonly SchemaError[] | string, webhook: string | undefined): { judged: readonly SchemaError[] | string; deferred: readonly SchemaError[] } {
  if (webhook === undefined || typeof errors === 'string') return { judged: errors, deferred: [] };
  return { judged: errors.filter((error) => error.keyword !== 'required'), deferred: errors.filter((error) => error.keyword === 'required') };
}

/** A missing required field that the webhook may set: an info, since only the webhook's code knows. */
function webhookNotes(object: KubeObject, deferred: readonly SchemaError[], by: { webhook: string; fields: FieldGraph; printing: ErrorPrinting }): Finding[] {
  const note = `: MutatingWebhookConfiguration ${by.webhook} of the inputs intercepts its creation and may set it before validation, so it is not judged`;
  return explainErrors(object, deferred, by.fields, by.printing).map((finding) => ({ ...finding, severity: 'info' as const, message: `${finding.message}${note}` }));
}

/**
 * A type, format, required, enum or size violation keeps the API server from evaluating x-kubernetes-validations; it
 * says so once (upstream: apiextensions-apiserver customresource strategy.go hasBlockingErr: NotSupported, Required,
 * TooLong, TooMany and TypeInvalid errors, which OpenAPI's type, format, required, enum, maxLength, maxItems and
 * maxProperties give).
 */
const BLOCKING_KEYWORDS = new Set(['type', 'format', 'required', 'enum', 'maxLength', 'maxItems', 'maxProperties']);
/**
 * hasBlockingErr's field.Invalid(nil, nil, ...): the nil path prints as <nil>, the nil value as null from apimachinery
 * 0.34 and as "null" before.
 */
function celNotChecked(release: string): string {
  const value = compareReleases(release, '1.34') >= 0 ? 'null' : '"null"';
  return `<nil>: Invalid value: ${value}: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation`;
}

/** The findings, and the finalizer warnings the API server adds when none of them is an error. */
function withFinalizerWarnings(findings: Finding[], object: KubeObject): Finding[] {
  if (!findings.some((finding) => finding.severity === 'error')) appendAll(findings, finalizerWarningFindings(object));
  return findings;
}

/** Custom resources in a run up to which their verdicts are kept in the store (see validateCustomResources). */
const MAX_CACHED_RESOURCES = 1000;

/** The field graph of a CRD version whose verdicts came from the store (its validator was never compiled), once per run. */
function fieldGraphFor(run: CustomRun, key: string, version: CustomResourceVersion): FieldGraph {
  let graph = run.fieldGraphs.get(key);
  if (!graph) run.fieldGraphs.set(key, (graph = fieldGraphOf(versionSchema(version) ?? {})));
  return graph;
}

/** A custom resource's schema errors and CEL outcome: from the store when this value met this schema before. */
function verdictOf(run: CustomRun, target: { key: string; version: CustomResourceVersion; value: unknown }, digest: string): { schemaErrors: readonly SchemaError[] | string; cel: CelOutcome | undefined } {
  const store = run.options.validatorStore;
  const valuesShown = compareReleases(run.options.kubernetesVersion ?? NEWEST_RELEASE, CEL_VALUES_SHOWN_SINCE) >= 0;
  // the CEL errors' text depends on the release (the same verdict, worded two ways)
  const storeKey = store && run.cacheVerdicts && verdictKey(valuesShown ? digest : `${digest} cel-types`, target.value);
  const stored = store && storeKey ? readVerdict(store, storeKey) : undefined;
  if (stored) return stored;
  const { key, version, value } = target;
  const schema = versionSchema(version);
  const schemaErrors = schema ? schemaErrorsOf(run, { key, schema, value }) : [];
  const cel = versionHasCelRules(version) && version.schema ? evaluateCelRules(() => (run.cel.runtime ??= createCelRuntime()), value, version.schema, valuesShown) : undefined;
  if (store && storeKey && typeof schemaErrors !== 'string') writeVerdict(store, storeKey, { schemaErrors, cel });
  return { schemaErrors, cel };
}

/** A custom resource's unknown fields whose value is null (its verdict, cached by value, is of the value without them). */
function customUnknownNullFields(run: CustomRun, target: { key: string; version: CustomResourceVersion; value: unknown }): SchemaError[] {
  const schema = versionSchema(target.version);
  if (!schema || !hasNullEntry(target.value)) return [];
  const compiled = compiledFor(run, target.key, schema);
  return typeof compiled === 'string' ? [] : unknownNullFields(valueToValidate(target.value, target.version), compiled.validate);
}

/** CEL rule failures as schema errors; the first rule of a CRD kubefit cannot evaluate as one info. */
function celFindings(object: KubeObject, definition: CustomResourceDefinition, outcome: CelOutcome, run: CustomRun): Finding[] {
  const findings = outcome.violations.map((violation) => findingAt(object, violation.path, { ruleId: SCHEMA.id, severity: 'error', message: violation.message }));
  const skipped = outcome.skipped[0];
  if (skipped && !run.cel.reported.has(definition.name)) {
    run.cel.reported.add(definition.name);
    const message = `x-kubernetes-validations rule ${JSON.stringify(skipped.rule)} of CustomResourceDefinition ${definition.name} not evaluated offline (${skipped.reason}); rules kubefit cannot evaluate are skipped`;
    findings.push(findingAt(object, skipped.path, { ruleId: CEL_NOT_EVALUATED.id, severity: CEL_NOT_EVALUATED.severity, message }));
  }
  return findings;
}

/** The ObjectMeta schema, borrowed from a kind whose only checked field is metadata (ConfigMap), on `{ metadata }`. */
function objectMetaValidator(store: CodeStore | undefined): CompiledValidator {
  const configMap = builtinValidator('v1', 'ConfigMap', store);
  if (!configMap) throw new Error('the v1 ConfigMap schema is missing');
  const validate = ((value: unknown) => configMap({ metadata: asRecord(value)?.['metadata'] })) as CompiledValidator & { errors?: CompiledValidator['errors'] };
  return Object.defineProperties(validate, { errors: { get: () => configMap.errors }, fields: { value: configMap.fields } });
}

/** A value, the schema it is validated with and the key its compiled validator is kept under in the run. */
interface CustomTarget {
  readonly key: string;
  readonly schema: Record<string, unknown>;
  readonly value: unknown;
}

function validateBySchema(object: KubeObject, target: CustomTarget, run: CustomRun): Finding[] {
  const errors = schemaErrorsOf(run, target);
  return schemaFindings(object, errors, { key: target.key, fields: () => (run.compiled.get(target.key) as CustomValidator).fields }, run);
}

/** The validator's errors on the value, or why the schema cannot be used. */
function schemaErrorsOf(run: CustomRun, target: CustomTarget): readonly SchemaError[] | string {
  const customValidator = compiledFor(run, target.key, target.schema);
  if (typeof customValidator === 'string') return customValidator;
  let valid: boolean;
  try {
    valid = customValidator.validate(target.value);
  } catch (error) {
    // a `$ref` back to a schema that reaches no deeper field (`{"$ref": "#"}`) recurses without end, a schema
    // kubeconform's compiler refuses (santhosh-tekuri/jsonschema's infinite loop error)
    if (error instanceof RangeError) return `validating with it overflows the stack (${error.message}): a $ref loops back before reaching a field, or the value is nested too deep for it`;
    throw error;
  }
  customValidator.saveCodeCache?.();
  customValidator.saveCodeCache = undefined;
  return valid ? [] : [...(customValidator.validate.errors ?? [])];
}

/** Findings of schema errors (`fields` gives the schema's field graph for suggestions); one warning per unusable schema. */
function schemaFindings(object: KubeObject, errors: readonly SchemaError[] | string, schema: { key: string; fields: () => FieldGraph }, run: CustomRun): Finding[] {
  if (typeof errors !== 'string') return errors.length === 0 ? [] : explainErrors(object, errors, schema.fields(), run.printing).sort(compareFindings);
  if (run.reportedKinds.has(schema.key)) return [];
  run.reportedKinds.add(schema.key);
  const message = `the schema of ${object.ref.apiVersion} ${object.ref.kind} cannot be used: ${errors}`;
  return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'warning', message })];
}

function compiledFor(run: CustomRun, key: string, schema: Record<string, unknown>): CustomValidator | string {
  let compiled = run.compiled.get(key);
  if (compiled === undefined) run.compiled.set(key, (compiled = compileCustomSchema(schema, run.options.validatorStore)));
  return compiled;
}

/** A built-in kind: its schema (the newest release's) and the API server's validation, judged by the release the run checks. */
function builtinFindings(validator: CompiledValidator, object: KubeObject, kubernetesVersion: string | undefined): Finding[] {
  const release = kubernetesVersion ?? NEWEST_RELEASE;
  const verdict = checkRelease(object, release, kindDelta(object.ref.apiVersion, object.ref.kind) ?? {}, validator.fields ?? {});
  if (!verdict.served) return [...verdict.findings];
  const schema = validateWith(validator, object, errorPrinting(release), (error) => !isUnenforcedRequired(error, object.ref.kind, release)).flatMap((finding) => {
    const lastRelease = finding.path === null ? undefined : verdict.droppedKeys.get(finding.path);
    const judged = lastRelease === undefined ? finding : judgeDroppedKey(finding, release, lastRelease);
    return judged ? [judged] : [];
  });
  // a value of the wrong type, or a quantity that does not parse ("quantities must match the regular expression"),
  // fails the API server's decoding, which rejects the request before any field validation; a value holding `${APP}`
  // is replaced first (model/substitution.ts)
  const decodes = !(validator.errors ?? []).some((error) => failsDecoding(error) && !isSubstitutionError(object, error));
  if (!decodes) return [...schema, ...verdict.findings].sort(compareFindings);
  const api = validateBuiltinObject(object, release);
  // so does a []byte value that is not base64, and the decoder's error is then the only one the API server returns (as
  // is a node port the Service registry cannot allocate, before validation)
  if (!api.validated) return [...verdict.findings, ...api.findings].sort(compareFindings);
  const unserved = unservedFields(verdict.findings);
  const seen = api.findings.filter((finding) => !unserved(finding));
  // nor, there, the schema's enum, which the API server checks only through that validation
  const schemaSeen = schema.filter((finding) => !(finding.message.includes(' must be one of ') && unserved(finding)));
  return [...withoutEnumDuplicates(schemaSeen, seen), ...verdict.findings, ...withoutSchemaDuplicates(seen, schemaSeen)].sort(compareFindings);
}

/**
 * Whether a finding lies at or under a field the release check reported: the API server's validation never sees a
 * field its release does not have yet (strict field validation rejects the request as it decodes; without it the
 * decoder drops the field) nor one whose feature gate is off by default there (the kind's strategy drops it on create,
 * as job strategy.go dropJobDisabledFields does).
 */
function unservedFields(releaseFindings: readonly Finding[]): (finding: Finding) => boolean {
  const fields = releaseFindings.flatMap((finding) => (finding.path === null ? [] : [finding.path]));
  if (fields.length === 0) return () => false;
  const under = (path: string, field: string): boolean => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
  return (finding) => finding.path !== null && fields.some((field) => under(finding.path as string, field));
}

function failsDecoding(error: SchemaError): boolean {
  return error.keyword === 'type' || (error.keyword === 'pattern' && error.params['pattern'] === QUANTITY_PATTERN) || goIntegerOverflow(error) !== undefined;
}

function validateWith(validator: CompiledValidator, object: KubeObject, printing: ErrorPrinting, judged: (error: SchemaError) => boolean): Finding[] {
  return explainErrors(object, errorsOf(validator, object).filter((error) => isJudgedOnCreate(error) && judged(error)), validator.fields ?? {}, printing, 'go').sort(compareFindings);
}

/**
 * Whether an error counts when the object is created: the create strategy of every built-in kind resets status before
 * validation, so in status only what fails decoding does (a wrong type, an unknown field, a malformed quantity), not a
 * missing required field or a value outside an enum.
 */
// upstream: pkg/registry/*/strategy.go PrepareForCreate (pod: Status = PodStatus{Phase: Pending, ...}; apps: Status = {})
function isJudgedOnCreate(error: SchemaError): boolean {
  const inStatus = error.instancePath === '/status' || error.instancePath.startsWith('/status/');
  return !inStatus || (error.keyword !== 'required' && error.keyword !== 'enum');
}

/**
 * The validator's errors on the object's value as the API server's decoding into its Go types reads it: null fields
 * dropped, null list items of a scalar type at its zero value, unknown fields reported even when null (without-nulls.ts),
 * a []byte field written as a list of byte numbers (byte-lists.ts).
 */
function errorsOf(validator: CompiledValidator, object: KubeObject): readonly SchemaError[] {
  // first: the validator's errors must be the run below's when this returns (builtinFindings reads them)
  const unknownNulls = unknownNullFields(object.value, validator);
  const value = withZeroSpec(object, withoutNulls(object.value));
  if (validator(value)) return unknownNulls;
  const errors = validator.errors ?? [];
  const zeroItems = withZeroItems(value, errors);
  const decoded = withByteLists(`${object.ref.apiVersion} ${object.ref.kind}`, zeroItems ?? value, errors) ?? zeroItems;
  if (decoded === undefined) return [...errors, ...unknownNulls];
  return [...(validator(decoded) ? [] : (validator.errors ?? [])), ...unknownNulls];
}

/**
 * Kinds whose Go spec is a struct, not a pointer: an object without `spec` decodes to the zero spec, which their
 * validation then judges (ValidateDeploymentSpec's `spec.selector: Required value`, a Job's missing template).
 */
// upstream: pkg/apis/apps/validation ValidateDeployment, ValidateReplicaSet, ValidateDaemonSet, ValidateStatefulSet;
// pkg/apis/batch/validation ValidateJob (each validates &obj.Spec)
const STRUCT_SPEC_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job']);

function withZeroSpec(object: KubeObject, value: unknown): unknown {
  const record = asRecord(value);
  if (!record || record['spec'] !== undefined || !STRUCT_SPEC_KINDS.has(object.ref.kind)) return value;
  return { ...record, spec: {} };
}

/** A field the schema already reports as missing is not reported again as the API server's error about its zero value. */
function withoutSchemaDuplicates(apiFindings: Finding[], schemaFindings: readonly Finding[]): Finding[] {
  const missing = new Set<string>();
  for (const finding of schemaFindings) {
    const match = /^missing required field "(.+)" in (.+)$/.exec(finding.message);
    if (match) missing.add(finding.path === null ? (match[1] ?? '') : `${finding.path}.${match[1] ?? ''}`);
  }
  // (the API server reads a missing field as its zero value: `Required value`, or `Invalid value: ""` for a string)
  const aboutZero = (message: string) => message.includes(': Required value') || message.includes(': Invalid value: "": ');
  return apiFindings.filter((finding) => !(aboutZero(finding.message) && finding.path !== null && missing.has(finding.path)));
}

/**
 * An enum value the API server's validation reports (`Unsupported value: "": supported values: ...`, its own words
 * such as ValidateStatefulSetSpec's `Invalid value: "": must be 'OrderedReady' or 'Parallel'`, or `Required value` for
 * an empty one, as ValidatePreemptionPolicy and validatePodFailurePolicyRule (`Required value: valid values: [...]`) do)
 * is not reported again by the schema's enum (`must be one of ...`) at the same value.
 */
function withoutEnumDuplicates(schemaFindings: Finding[], apiFindings: readonly Finding[]): Finding[] {
  const reportsValue = (message: string): boolean => /: (Unsupported value|Invalid value|Required value)\b/.test(message);
  const unsupported = new Set(apiFindings.filter((finding) => finding.path !== null && reportsValue(finding.message)).map((finding) => finding.path));
  return unsupported.size === 0 ? schemaFindings : schemaFindings.filter((finding) => !(finding.path !== null && unsupported.has(finding.path) && finding.message.includes(' must be one of ')));
}

/**
 * Kinds the API serves only as a subresource's request body: kubectl finds no resource to apply them to (no matches
 * for kind), whatever their content.
 */
const SUBRESOURCE_BODIES: ReadonlyMap<string, string> = new Map([['policy/v1 Eviction', "a pod's eviction subresource (POST .../pods/<name>/eviction)"]]);

/** unknown-kind: an error for built-in groups; for custom resources one info per kind unless strictKinds. */
function missingSchema(object: KubeObject, run: CustomRun): Finding[] {
  const { apiVersion, kind } = object.ref;
  const builtin = BUILTIN_GROUPS.has(groupOf(apiVersion));
  const prerelease = /\/v\d+(alpha|beta)\d+$/.test(apiVersion);
  if (builtin && !prerelease) {
    // an apiVersion without '/' is a version of the core group to kubectl, even when it is a CRD's group
    const definition = apiVersion.includes('/') ? undefined : run.definitions.byGroupKind.get(groupKind(apiVersion, kind));
    if (definition) return [findingAt(object, ['apiVersion'], { ruleId: UNKNOWN_KIND.id, severity: 'error', message: groupWithoutVersion(apiVersion, kind, definition) })];
    const body = SUBRESOURCE_BODIES.get(`${apiVersion} ${kind}`);
    const message = body
      ? `${noKindMatch(apiVersion, kind)}: ${apiVersion} ${kind} is the body of ${body}, not an object kubectl can apply`
      : `${noKindMatch(apiVersion, kind)}: Kubernetes has no ${apiVersion} ${kind}${kindHint(apiVersion, kind)}`;
    return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'error', message })];
  }
  const suggestion = closestKind(kind, run.definitions.kindsByGroup.get(groupOf(apiVersion)) ?? []);
  const hint = suggestion ? ` (did you mean ${suggestion}? no CustomResourceDefinition in the inputs defines ${kind})` : '';
  const what = builtin ? `${apiVersion} ${kind} (kubefit has schemas for GA APIs only)` : `custom resource ${apiVersion} ${kind}${hint}`;
  if (run.options.strictKinds) return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'error', message: `no schema for ${what}` })];
  // a likely typo, but its CRD may simply not be among the inputs: a warning, never a false error
  if (suggestion) return [findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'warning', message: `no schema for ${what}` })];
  return onceForKind(run, `${apiVersion} ${kind}`, () => findingAt(object, ['kind'], { ruleId: UNKNOWN_KIND.id, severity: 'info', message: `no schema for ${what}: not validated` }));
}

/**
 * kubectl's RESTMapping error for an apiVersion that is the group of a CRD of the inputs without its version
 * (`apiVersion: fluentbit.fluent.io`): schema.ParseGroupVersion reads it as a version of the core group.
 */
function groupWithoutVersion(apiVersion: string, kind: string, definition: CustomResourceDefinition): string {
  const served = definition.versions.filter((version) => version.served);
  const current = served.some((version) => !version.deprecated) ? served.filter((version) => !version.deprecated) : served;
  const hint = current.length > 0 ? ` (did you mean ${current.map((version) => `${definition.group}/${version.name}`).join(' or ')}?)` : '';
  return `${noKindMatch(apiVersion, kind)}: ${apiVersion} is the API group of CustomResourceDefinition ${definition.name}, not a version${hint}`;
}

/** The info for a kind the run has not reported yet; nothing for the kind's later objects. */
function onceForKind(run: CustomRun, key: string, finding: () => Finding): Finding[] {
  if (run.reportedKinds.has(key)) return [];
  run.reportedKinds.add(key);
  return [finding()];
}

/** "(did you mean Deployment?)" for a misspelt kind, "(CronJob is batch/v1)" for a kind in another API group. */
function kindHint(apiVersion: string, kind: string): string {
  const known = Object.keys(BUILTIN_KINDS).map((key) => ({ apiVersion: key.slice(0, key.indexOf(' ')), kind: key.slice(key.indexOf(' ') + 1) }));
  const elsewhere = known.filter((entry) => entry.kind === kind).map((entry) => entry.apiVersion);
  if (elsewhere.length > 0) return ` (${kind} is ${elsewhere.join(' or ')})`;
  const suggestion = closestKind(kind, known.filter((entry) => entry.apiVersion === apiVersion).map((entry) => entry.kind));
  return suggestion ? ` (did you mean ${suggestion}?)` : '';
}

/** Metadata of every finding id the schema stage can emit. */
export const SCHEMA_CHECKS: readonly RuleMeta[] = [SCHEMA, UNKNOWN_KIND, DEPRECATED_API, DUPLICATE_CRD, CEL_NOT_EVALUATED, ...API_VALIDATION_METAS];
