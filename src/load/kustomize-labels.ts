// kustomize's label and annotation transformers (`commonLabels`, `labels`, `commonAnnotations`, and the builtin
// LabelTransformer and AnnotationsTransformer configurations): the labels and annotations `kustomize build` adds to a
// kustomization's resources and where (kustomize's builtin field specs, api/internal/konfig/builtinpluginconsts). A
// base whose Deployment gets its selector from commonLabels is then checked as it is applied, not as a Deployment
// without one; a suppression or AppArmor annotation an overlay adds is read.
import { asArray, asRecord } from '../model/object.js';
import { mapItems } from './kustomized-document.js';

/** Where a label set goes: a path (`/`-separated, `[]` marks a list) in objects of a kind, group and version. */
export interface FieldSpec {
  readonly path: readonly string[];
  /** Missing maps on the path are created (else only existing ones get the labels). */
  readonly create: boolean;
  readonly kind?: string | undefined;
  readonly group?: string | undefined;
  readonly version?: string | undefined;
}

/** The labels (or annotations) of one transformer and the field specs they go to. */
export interface PairSet {
  readonly pairs: Readonly<Record<string, string>>;
  readonly specs: readonly FieldSpec[];
}

const spec = (path: string, create: boolean, kind?: string, group?: string, version?: string): FieldSpec => ({ path: path.split('/'), create, kind, group, version });

const AFFINITY_SELECTORS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** kustomize's templateLabelFieldSpecs: pod and job templates. */
const TEMPLATE_LABELS: readonly FieldSpec[] = [
  spec('spec/template/metadata/labels', true, 'ReplicationController', undefined, 'v1'),
  spec('spec/template/metadata/labels', true, 'Deployment'),
  spec('spec/template/metadata/labels', true, 'ReplicaSet'),
  spec('spec/template/metadata/labels', true, 'DaemonSet'),
  spec('spec/template/metadata/labels', true, 'StatefulSet', 'apps'),
  spec('spec/template/metadata/labels', true, 'Job', 'batch'),
  spec('spec/jobTemplate/metadata/labels', true, 'CronJob', 'batch'),
  spec('spec/jobTemplate/spec/template/metadata/labels', true, 'CronJob', 'batch'),
];

const METADATA_LABELS = spec('metadata/labels', true);
const VOLUME_CLAIM_TEMPLATE_LABELS = spec('spec/volumeClaimTemplates[]/metadata/labels', true, 'StatefulSet', 'apps');

/** kustomize's commonLabelFieldSpecs: selectors too, then metadata and template labels. */
const COMMON_LABELS: readonly FieldSpec[] = [
  spec('spec/selector', true, 'Service', undefined, 'v1'),
  spec('spec/selector', true, 'ReplicationController', undefined, 'v1'),
  spec('spec/selector/matchLabels', true, 'Deployment'),
  ...AFFINITY_SELECTORS.map((path) => spec(path, false, 'Deployment', 'apps')),
  spec('spec/selector/matchLabels', true, 'ReplicaSet'),
  spec('spec/selector/matchLabels', true, 'DaemonSet'),
  spec('spec/selector/matchLabels', true, 'StatefulSet', 'apps'),
  ...AFFINITY_SELECTORS.map((path) => spec(path, false, 'StatefulSet', 'apps')),
  spec('spec/selector/matchLabels', false, 'Job', 'batch'),
  spec('spec/jobTemplate/spec/selector/matchLabels', false, 'CronJob', 'batch'),
  spec('spec/selector/matchLabels', false, 'PodDisruptionBudget', 'policy'),
  spec('spec/podSelector/matchLabels', false, 'NetworkPolicy', 'networking.k8s.io'),
  spec('spec/ingress/from/podSelector/matchLabels', false, 'NetworkPolicy', 'networking.k8s.io'),
  spec('spec/egress/to/podSelector/matchLabels', false, 'NetworkPolicy', 'networking.k8s.io'),
  METADATA_LABELS,
  ...TEMPLATE_LABELS,
  VOLUME_CLAIM_TEMPLATE_LABELS,
];

/** The label sets of a kustomization, in the order kustomize runs them: each `labels` entry, then `commonLabels`. */
export function labelSetsOf(kustomization: Readonly<Record<string, unknown>>): PairSet[] {
  const sets: PairSet[] = [];
  for (const entry of asArray(kustomization['labels'])) {
    const label = asRecord(entry);
    const pairs = stringPairs(label?.['pairs']);
    if (!label || !pairs) continue;
    const custom = asArray(label['fields']).flatMap((field) => customSpec(asRecord(field)));
    const specs = label['includeSelectors'] === true ? COMMON_LABELS
      : [...(label['includeTemplates'] === true ? TEMPLATE_LABELS : []), ...(label['includeVolumeClaimTemplates'] === true ? [VOLUME_CLAIM_TEMPLATE_LABELS] : []), METADATA_LABELS];
    sets.push({ pairs, specs: [...custom, ...specs] });
  }
  const common = stringPairs(kustomization['commonLabels']);
  if (common) sets.push({ pairs: common, specs: COMMON_LABELS });
  return sets;
}

/** kustomize's commonAnnotations field specs: metadata, and the pod and job templates (any StatefulSet group). */
const COMMON_ANNOTATIONS: readonly FieldSpec[] = [
  spec('metadata/annotations', true),
  spec('spec/template/metadata/annotations', true, 'ReplicationController', undefined, 'v1'),
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].map((kind) => spec('spec/template/metadata/annotations', true, kind)),
  spec('spec/template/metadata/annotations', true, 'Job', 'batch'),
  spec('spec/jobTemplate/metadata/annotations', true, 'CronJob', 'batch'),
  spec('spec/jobTemplate/spec/template/metadata/annotations', true, 'CronJob', 'batch'),
];

/** The annotation set of a kustomization's `commonAnnotations`, if any. */
export function annotationSetsOf(kustomization: Readonly<Record<string, unknown>>): PairSet[] {
  const pairs = stringPairs(kustomization['commonAnnotations']);
  return pairs ? [{ pairs, specs: COMMON_ANNOTATIONS }] : [];
}

/**
 * The set of a builtin LabelTransformer (`field` labels) or AnnotationsTransformer (`field` annotations)
 * configuration that a kustomization's `transformers:` names: its pairs at its own `fieldSpecs` only (upstream:
 * api/internal/builtins/LabelTransformer.go, AnnotationsTransformer.go).
 */
export function transformerPairSet(config: Readonly<Record<string, unknown>>, field: 'labels' | 'annotations'): PairSet | undefined {
  const pairs = stringPairs(config[field]);
  const specs = asArray(config['fieldSpecs']).flatMap((field) => customSpec(asRecord(field)));
  return pairs && specs.length > 0 ? { pairs, specs } : undefined;
}

/** `value` (an object of the inputs) as the label or annotation sets leave it: a copy of what changes, `value` itself when nothing does. */
export function withPairs(value: Readonly<Record<string, unknown>>, sets: readonly PairSet[]): Readonly<Record<string, unknown>> {
  const apiVersion = typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '';
  const slash = apiVersion.lastIndexOf('/');
  const object = { kind: value['kind'], group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
  let out = value;
  for (const { pairs, specs } of sets) {
    for (const fieldSpec of specs) {
      const applies = (fieldSpec.kind === undefined || fieldSpec.kind === object.kind) && (fieldSpec.group === undefined || fieldSpec.group === object.group) && (fieldSpec.version === undefined || fieldSpec.version === object.version);
      if (applies) out = (merged(out, fieldSpec.path, fieldSpec.create, pairs) as Record<string, unknown> | undefined) ?? out;
    }
  }
  return out;
}

/** `node` with `pairs` merged into the map at `path` (each item of a list on the way), or undefined when unchanged. */
function merged(node: unknown, path: readonly string[], create: boolean, pairs: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(node)) {
    const items = mapItems(node as unknown[], (item) => merged(item, path, create, pairs) ?? item);
    return items === node ? undefined : items;
  }
  const map = asRecord(node);
  if (!map) return undefined;
  const [head, ...rest] = path;
  if (head === undefined) return Object.entries(pairs).every(([key, label]) => map[key] === label) ? undefined : { ...map, ...pairs };
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  const child = map[key];
  if (child === undefined || child === null) {
    // kustomize creates missing maps on a create path, never a list
    if (!create || list) return undefined;
    return { ...map, [key]: merged({}, rest, create, pairs) };
  }
  const next = merged(child, rest, create, pairs);
  return next === undefined ? undefined : { ...map, [key]: next };
}

function stringPairs(value: unknown): Readonly<Record<string, string>> | undefined {
  const record = asRecord(value);
  if (!record) return undefined;
  const entries = Object.entries(record).map(([key, label]) => [key, typeof label === 'string' ? label : String(label)] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A `labels[].fields` entry (kustomize's FieldSpec: path, kind, group, version, create). */
function customSpec(field: Readonly<Record<string, unknown>> | undefined): FieldSpec[] {
  const text = (name: string) => (typeof field?.[name] === 'string' ? (field[name] as string) : undefined);
  const path = text('path');
  return path ? [spec(path, field?.['create'] === true, text('kind'), text('group'), text('version'))] : [];
}
