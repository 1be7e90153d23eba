// Fields of a cluster's objects that the scheduling dry-run reads, in a shape no API server returns (a hand-edited
// snapshot): reported where they are, as the schema check reports the inputs' own objects.
import { formatPath, type Path } from '../model/document.js';
import { describeValue } from '../model/describe-value.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { parseResourceQuantity } from '../model/quantity.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { valueAt } from '../model/workload.js';

export const MALFORMED_CLUSTER_OBJECT: RuleMeta = {
  id: 'malformed-cluster-object',
  severity: 'error',
  category: 'scheduling',
  description: 'an object of the cluster has no name, or a field the scheduler reads of the wrong type',
  rationale:
    'kubefit reads cluster snapshots without checking them against the schemas (a snapshot of 5,000 nodes is mostly ' +
    'status), trusting that they come from the API server. A hand-edited one may name no Node, or hold taints, labels, ' +
    'allocatable, a node name, containers, owner references, a PriorityClass value, a PodDisruptionBudget selector or ' +
    'a storage or device field of a type the API server would refuse: the scheduling dry-run treats such a field as ' +
    'absent (a node without its taints, a pod requesting nothing, a PriorityClass of value 0), so its verdicts may be wrong.',
  remediation: 'Take the snapshot again with kubectl get, or correct the field as the message says.',
  defaultOn: true,
};

type Shape = 'string' | 'boolean' | 'integer' | 'quantity' | 'resource list' | 'mapping' | 'string map' | 'list of strings' | 'list of mappings' | 'owner references';
/**
 * A field, its shape, and what the dry-run leaves out when it is malformed if more than the field itself; or a value
 * whose fields (paths from it) are checked only where it is present, which keeps the check of objects without it cheap.
 */
type Field = readonly [Path, Shape, string?] | readonly [Path, readonly Field[]];

/** A path segment for every entry of a list (whose own shape another field checks); the first bad entry is reported. */
const EACH = -1;

/** A metav1.LabelSelector: a mapping of matchLabels and matchExpressions. */
const labelSelector = (path: Path): Field[] => [
  [path, 'mapping'],
  [[...path, 'matchLabels'], 'string map'],
  [[...path, 'matchExpressions'], 'list of mappings'],
];

/** A bound pod's required (anti-)affinity terms, which filter the pods scheduled beside it (InterPodAffinity). */
function requiredPodAffinityTerms(path: Path): Field[] {
  const terms: Path = [...path, 'requiredDuringSchedulingIgnoredDuringExecution'];
  return [
    [path, 'mapping'],
    [terms, 'list of mappings'],
    ...labelSelector([...terms, EACH, 'labelSelector']),
    [[...terms, EACH, 'topologyKey'], 'string'],
    [[...terms, EACH, 'namespaces'], 'list of strings'],
    [[...terms, EACH, 'namespaceSelector'], 'mapping'],
  ];
}

/** A resource.k8s.io/v1 DeviceClaim: its requests (each exactly one device class's) and constraints. */
const deviceClaim = (path: Path): Field[] => [
  [path, 'mapping'],
  [[...path, 'requests'], 'list of mappings'],
  [[...path, 'requests', EACH, 'name'], 'string'],
  [[...path, 'requests', EACH, 'exactly'], 'mapping'],
  [[...path, 'requests', EACH, 'exactly', 'deviceClassName'], 'string'],
  [[...path, 'requests', EACH, 'exactly', 'count'], 'integer'],
  [[...path, 'requests', EACH, 'exactly', 'selectors'], 'list of mappings'],
  [[...path, 'constraints'], 'list of mappings'],
];

const OWNER_REFERENCES: Field = [['metadata', 'ownerReferences'], 'owner references'];
/** metav1.OwnerReference: the keys the dry-run follows a pod's or claim's controller by. */
const OWNER_REFERENCE_KEYS = ['apiVersion', 'kind', 'name'] as const;

/** The fields the dry-run reads of each kind's cluster objects, with their shape; every object needs a name. */
const FIELDS: ReadonlyMap<string, readonly Field[]> = new Map<string, readonly Field[]>([
  ['Node', [
    [['spec'], 'mapping'],
    [['status'], 'mapping'],
    [['metadata', 'labels'], 'string map'],
    [['spec', 'unschedulable'], 'boolean'],
    [['spec', 'taints'], 'list of mappings'],
    [['spec', 'taints', EACH, 'key'], 'string'],
    [['spec', 'taints', EACH, 'value'], 'string'],
    [['spec', 'taints', EACH, 'effect'], 'string'],
    [['status', 'allocatable'], 'mapping'],
    [['status', 'capacity'], 'mapping'],
  ]],
  ['Pod', [
    [['spec'], 'mapping'],
    [['status'], 'mapping'],
    [['metadata', 'labels'], 'string map'],
    OWNER_REFERENCES,
    [['spec', 'nodeName'], 'string'],
    [['spec', 'tolerations'], 'list of mappings'],
    [['spec', 'containers'], 'list of mappings'],
    [['spec', 'initContainers'], 'list of mappings'],
    [['spec', 'overhead'], 'mapping'],
    [['spec', 'affinity'], 'mapping'],
    [['spec', 'affinity'], [...requiredPodAffinityTerms(['podAffinity']), ...requiredPodAffinityTerms(['podAntiAffinity'])]],
  ]],
  // upstream: plugin/pkg/admission/priority/admission.go (value, globalDefault, preemptionPolicy)
  ['PriorityClass', [[['value'], 'integer'], [['globalDefault'], 'boolean'], [['preemptionPolicy'], 'string']]],
  // upstream: pkg/scheduler/framework/preemption/preemption.go filterPodsWithPDBViolation (spec.selector, status)
  ['PodDisruptionBudget', [
    [['spec'], 'mapping'],
    ...labelSelector(['spec', 'selector']),
    [['status'], 'mapping'],
    [['status', 'disruptionsAllowed'], 'integer'],
    [['status', 'disruptedPods'], 'mapping'],
  ]],
  ['Namespace', [[['metadata', 'labels'], 'string map']]],
  ['Service', [[['spec'], 'mapping'], [['spec', 'selector'], 'string map']]],
  ['ReplicaSet', [[['spec'], 'mapping'], ...labelSelector(['spec', 'selector'])]],
  ['StatefulSet', [[['spec'], 'mapping'], ...labelSelector(['spec', 'selector'])]],
  ['ReplicationController', [[['spec'], 'mapping'], [['spec', 'selector'], 'string map']]],
  ['RuntimeClass', [
    [['overhead'], 'mapping'],
    [['overhead', 'podFixed'], 'resource list', 'the RuntimeClass'],
    [['scheduling'], 'mapping'],
    [['scheduling', 'nodeSelector'], 'string map'],
    [['scheduling', 'tolerations'], 'list of mappings'],
  ]],
  ['LimitRange', [[['spec'], 'mapping'], [['spec', 'limits'], 'list of mappings']]],
  ['StorageClass', [
    [['provisioner'], 'string'],
    [['volumeBindingMode'], 'string'],
    [['allowedTopologies'], 'list of mappings'],
    [['allowedTopologies', EACH, 'matchLabelExpressions'], 'list of mappings'],
    [['allowedTopologies', EACH, 'matchLabelExpressions', EACH, 'key'], 'string'],
    [['allowedTopologies', EACH, 'matchLabelExpressions', EACH, 'values'], 'list of strings'],
  ]],
  ['PersistentVolumeClaim', [
    OWNER_REFERENCES,
    [['spec'], 'mapping'],
    [['spec', 'storageClassName'], 'string'],
    [['spec', 'volumeName'], 'string'],
    [['spec', 'accessModes'], 'list of strings'],
    [['spec', 'resources'], 'mapping'],
    [['spec', 'resources', 'requests'], 'mapping'],
    ...labelSelector(['spec', 'selector']),
    [['status'], 'mapping'],
    [['status', 'phase'], 'string'],
  ]],
  ['PersistentVolume', [
    [['spec'], 'mapping'],
    [['spec', 'storageClassName'], 'string'],
    [['spec', 'accessModes'], 'list of strings'],
    [['spec', 'capacity'], 'mapping'],
    [['spec', 'claimRef'], 'mapping'],
    [['spec', 'nodeAffinity'], 'mapping'],
    [['spec', 'csi'], 'mapping'],
    [['status'], 'mapping'],
    [['status', 'phase'], 'string'],
  ]],
  ['CSINode', [[['spec'], 'mapping'], [['spec', 'drivers'], 'list of mappings']]],
  ['CSIDriver', [[['spec'], 'mapping'], [['spec', 'attachRequired'], 'boolean'], [['spec', 'storageCapacity'], 'boolean']]],
  ['CSIStorageCapacity', [[['storageClassName'], 'string'], [['capacity'], 'quantity'], [['maximumVolumeSize'], 'quantity'], ...labelSelector(['nodeTopology'])]],
  ['VolumeAttachment', [[['spec'], 'mapping'], [['spec', 'nodeName'], 'string'], [['spec', 'attacher'], 'string'], [['spec', 'source'], 'mapping']]],
  ['DeviceClass', [
    [['spec'], 'mapping'],
    [['spec', 'selectors'], 'list of mappings'],
    [['spec', 'selectors', EACH, 'cel'], 'mapping'],
    [['spec', 'selectors', EACH, 'cel', 'expression'], 'string'],
  ]],
  ['ResourceSlice', [
    [['spec'], 'mapping'],
    [['spec', 'driver'], 'string'],
    [['spec', 'nodeName'], 'string'],
    [['spec', 'allNodes'], 'boolean'],
    [['spec', 'nodeSelector'], 'mapping'],
    [['spec', 'pool'], 'mapping'],
    [['spec', 'pool', 'name'], 'string'],
    [['spec', 'pool', 'generation'], 'integer'],
    [['spec', 'pool', 'resourceSliceCount'], 'integer'],
    [['spec', 'devices'], 'list of mappings'],
    [['spec', 'devices', EACH, 'name'], 'string'],
    [['spec', 'devices', EACH, 'attributes'], 'mapping'],
    [['spec', 'devices', EACH, 'capacity'], 'mapping'],
  ]],
  ['ResourceClaim', [
    [['spec'], 'mapping'],
    ...deviceClaim(['spec', 'devices']),
    [['status'], 'mapping'],
    [['status', 'allocation'], 'mapping'],
    [['status', 'reservedFor'], 'list of mappings'],
  ]],
  ['ResourceClaimTemplate', [
    [['spec'], 'mapping'],
    [['spec', 'spec'], 'mapping'],
    ...deviceClaim(['spec', 'spec', 'devices']),
  ]],
]);

const NAME: Path = ['metadata', 'name'];

/**
 * A field split at its EACH segments: the path to a value, or to a list whose every entry holds `entry`; or the path to
 * a value whose own fields are `within`.
 */
interface CompiledField {
  readonly path: Path;
  readonly shape: Shape;
  readonly absent: string | undefined;
  readonly entry?: CompiledField;
  readonly within?: readonly CompiledField[];
}

function compileField(path: Path, shape: Shape, absent: string | undefined): CompiledField {
  const each = path.indexOf(EACH);
  return each < 0 ? { path, shape, absent } : { path: path.slice(0, each), shape, absent, entry: compileField(path.slice(each + 1), shape, absent) };
}

function compile(field: Field): CompiledField {
  const [path, shape] = field;
  return typeof shape === 'string' ? compileField(path, shape, field[2]) : { path, shape: 'mapping', absent: undefined, within: shape.map(compile) };
}

const COMPILED: ReadonlyMap<string, readonly CompiledField[]> = new Map([...FIELDS].map(([kind, fields]) => [kind, fields.map(compile)]));

/**
 * The malformed fields of an object of the cluster snapshot (a Node, a Pod bound or pending, a PriorityClass...; one
 * whose nodeName is no string is pending); an input's own objects are schema-checked instead.
 */
export function malformedClusterObjectFindings(object: KubeObject): Finding[] {
  return object.fromCluster ? malformedFindings(object, COMPILED.get(object.ref.kind) ?? []) : [];
}

function malformedFindings(object: KubeObject, fields: readonly CompiledField[]): Finding[] {
  const findings: Finding[] = [];
  const name = valueAt(object.value, NAME);
  if (name === undefined || name === null || name === '') findings.push(finding(object, NAME, 'metadata.name is required'));
  else if (typeof name !== 'string') findings.push(finding(object, NAME, `metadata.name must be a string, got ${describeValue(name)}`));
  reportMisshapen(object, { root: object.value, base: [] }, fields, findings);
  return findings;
}

/** Reports each field's first departure from its shape; `base` is the path of `root` in the object. */
function reportMisshapen(object: KubeObject, at: { readonly root: unknown; readonly base: Path }, fields: readonly CompiledField[], findings: Finding[]): void {
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index] as CompiledField;
    if (field.within) {
      const value = valueAt(at.root, field.path);
      if (value !== undefined && value !== null) reportMisshapen(object, { root: value, base: [...at.base, ...field.path] }, field.within, findings);
      continue;
    }
    const bad = firstMisshapen(at.root, field);
    if (!bad) continue;
    const path = [...at.base, ...bad.path];
    findings.push(finding(object, path, `${problemText({ ...bad, path })}: the scheduling dry-run treats ${bad.absent ?? field.absent ?? 'it'} as absent`));
  }
}

/** The first value of the field (in each entry of a list, for EACH) that departs from its shape; paths from `root`. */
function firstMisshapen(root: unknown, field: CompiledField): Misshapen | undefined {
  const value = valueAt(root, field.path);
  if (value === undefined || value === null) return undefined;
  if (!field.entry) {
    const bad = misshapen(value, field.shape);
    return bad && { ...bad, path: [...field.path, ...bad.path] };
  }
  if (!Array.isArray(value)) return undefined;
  for (let index = 0; index < value.length; index++) {
    const bad = firstMisshapen(value[index], field.entry);
    if (bad) return { ...bad, path: [...field.path, index, ...bad.path] };
  }
  return undefined;
}

const isMapping = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** What is wrong where, the path relative to the value checked until firstMisshapen roots it. */
interface Misshapen {
  readonly path: Path;
  /** What the value should be; absent when a required key is missing (`missing`). */
  readonly expected?: string;
  readonly value?: unknown;
  readonly missing?: string;
  /** What the dry-run leaves out, when more than the field (an owner reference's: the reference). */
  readonly absent?: string;
}

function problemText(bad: Misshapen): string {
  const at = formatPath(bad.path);
  return bad.missing === undefined ? `${at} must be ${bad.expected}, got ${describeValue(bad.value)}` : `${at} has no ${bad.missing}`;
}

/** Where `value` departs from `shape`: itself (path []), or its first bad entry. */
function misshapen(value: unknown, shape: Shape): Misshapen | undefined {
  switch (shape) {
    case 'string':
    case 'boolean':
      return typeof value === shape ? undefined : { path: [], expected: `a ${shape}`, value };
    case 'integer':
      return Number.isInteger(value) ? undefined : { path: [], expected: 'an integer', value };
    case 'quantity':
      return parseResourceQuantity(value) ? undefined : { path: [], expected: 'a quantity of at least 0', value };
    case 'resource list': {
      if (!isMapping(value)) return { path: [], expected: 'a mapping', value };
      for (const key in value) if (!parseResourceQuantity(value[key])) return { path: [key], expected: 'a quantity of at least 0', value: value[key] };
      return undefined;
    }
    case 'mapping':
      return isMapping(value) ? undefined : { path: [], expected: 'a mapping', value };
    case 'string map': {
      if (!isMapping(value)) return { path: [], expected: 'a mapping', value };
      // a for-in loop, no key list: every Node's and Pod's labels are checked
      for (const key in value) if (typeof value[key] !== 'string') return { path: [key], expected: 'a string', value: value[key] };
      return undefined;
    }
    case 'list of strings':
      return firstBadEntry(value, isString, 'a string');
    case 'list of mappings':
      return firstBadEntry(value, isMapping, 'a mapping');
    case 'owner references':
      return firstBadEntry(value, isMapping, 'a mapping') ?? firstBadReference(value as readonly Readonly<Record<string, unknown>>[]);
  }
}

function firstBadEntry(value: unknown, isEntry: (entry: unknown) => boolean, expected: string): Misshapen | undefined {
  if (!Array.isArray(value)) return { path: [], expected: 'a list', value };
  const index = value.findIndex((entry) => !isEntry(entry));
  return index < 0 ? undefined : { path: [index], expected, value: value[index] };
}

/** The first owner reference without a string apiVersion, kind or name (the API server requires each). */
function firstBadReference(references: readonly Readonly<Record<string, unknown>>[]): Misshapen | undefined {
  for (const [index, reference] of references.entries()) {
    const key = OWNER_REFERENCE_KEYS.find((entry) => typeof reference[entry] !== 'string');
    if (key === undefined) continue;
    const value = reference[key];
    return value === undefined || value === null
      ? { path: [index], missing: key, absent: 'the reference' }
      : { path: [index, key], expected: 'a string', value, absent: 'the reference' };
  }
  return undefined;
}

function finding(object: KubeObject, path: Path, message: string): Finding {
  return findingAt(object, path, { ruleId: MALFORMED_CLUSTER_OBJECT.id, severity: MALFORMED_CLUSTER_OBJECT.severity, message });
}
