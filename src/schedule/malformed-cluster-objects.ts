// Fields of a cluster's objects that the scheduling dry-run reads, in a shape no API server returns (a hand-edited
// snapshot): reported where they are, as the schema check reports the inputs' own objects.
import { formatPath, type Path } from '../model/document.js';
import { describeValue } from '../model/describe-value.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { parseQuantity } from '../model/quantity.js';
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

type Shape = 'string' | 'boolean' | 'integer' | 'quantity' | 'mapping' | 'string map' | 'list of strings' | 'list of mappings' | 'owner references';
type Field = readonly [Path, Shape];

/** A path segment for every entry of a list (whose own shape another field checks); the first bad entry is reported. */
const EACH = -1;

/** A metav1.LabelSelector: a mapping of matchLabels and matchExpressions. */
const labelSelector = (path: Path): Field[] => [
  [path, 'mapping'],
  [[...path, 'matchLabels'], 'string map'],
  [[...path, 'matchExpressions'], 'list of mappings'],
];

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
    [['overhead', 'podFixed'], 'mapping'],
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
 * The malformed fields of an object of the cluster snapshot (a Node, a Pod bound or pending, a PriorityClass...; one
 * whose nodeName is no string is pending); an input's own objects are schema-checked instead.
 */
export function malformedClusterObjectFindings(object: KubeObject): Finding[] {
  return object.fromCluster ? malformedFindings(object, FIELDS.get(object.ref.kind) ?? []) : [];
}

function malformedFindings(object: KubeObject, fields: readonly Field[]): Finding[] {
  const findings: Finding[] = [];
  const name = valueAt(object.value, NAME);
  if (name === undefined || name === null || name === '') findings.push(finding(object, NAME, 'metadata.name is required'));
  else if (typeof name !== 'string') findings.push(finding(object, NAME, `metadata.name must be a string, got ${describeValue(name)}`));
  for (const [path, shape] of fields) {
    const bad = firstMisshapen(object.value, path, shape);
    if (bad) findings.push(finding(object, bad.path, `${bad.problem}: the scheduling dry-run treats ${bad.absent ?? 'it'} as absent`));
  }
  return findings;
}

/** The first value at `path` (each entry where it says EACH) that departs from `shape`. */
function firstMisshapen(root: unknown, path: Path, shape: Shape): Misshapen | undefined {
  const each = path.indexOf(EACH);
  if (each < 0) {
    const value = valueAt(root, path);
    return value === undefined || value === null ? undefined : misshapen(value, shape, path);
  }
  const list = valueAt(root, path.slice(0, each));
  if (!Array.isArray(list)) return undefined;
  for (let index = 0; index < list.length; index++) {
    const bad = firstMisshapen(root, [...path.slice(0, each), index, ...path.slice(each + 1)], shape);
    if (bad) return bad;
  }
  return undefined;
}

const isMapping = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Misshapen {
  readonly path: Path;
  readonly problem: string;
  /** What the dry-run leaves out, when more than the field: 'the reference'. */
  readonly absent?: string;
}

const wrongType = (path: Path, expected: string, value: unknown): Misshapen => ({ path, problem: `${formatPath(path)} must be ${expected}, got ${describeValue(value)}` });

/** Where `value` (at `path`) departs from `shape`: itself, or its first bad entry. */
function misshapen(value: unknown, shape: Shape, path: Path): Misshapen | undefined {
  switch (shape) {
    case 'string':
    case 'boolean':
      return typeof value === shape ? undefined : wrongType(path, `a ${shape}`, value);
    case 'integer':
      return Number.isInteger(value) ? undefined : wrongType(path, 'an integer', value);
    case 'quantity': {
      const quantity = parseQuantity(value);
      return quantity && quantity.numerator >= 0n ? undefined : wrongType(path, 'a quantity of at least 0', value);
    }
    case 'mapping':
      return isMapping(value) ? undefined : wrongType(path, 'a mapping', value);
    case 'string map': {
      if (!isMapping(value)) return wrongType(path, 'a mapping', value);
      const key = Object.keys(value).find((entry) => typeof value[entry] !== 'string');
      return key === undefined ? undefined : wrongType([...path, key], 'a string', value[key]);
    }
    case 'list of strings':
      return firstBadEntry(value, path, (entry) => typeof entry === 'string', 'a string');
    case 'list of mappings':
      return firstBadEntry(value, path, isMapping, 'a mapping');
    case 'owner references':
      return firstBadEntry(value, path, isMapping, 'a mapping') ?? firstBadReference(value as readonly Readonly<Record<string, unknown>>[], path);
  }
}

function firstBadEntry(value: unknown, path: Path, isEntry: (entry: unknown) => boolean, expected: string): Misshapen | undefined {
  if (!Array.isArray(value)) return wrongType(path, 'a list', value);
  const index = value.findIndex((entry) => !isEntry(entry));
  return index < 0 ? undefined : wrongType([...path, index], expected, value[index]);
}

/** The first owner reference without a string apiVersion, kind or name (the API server requires each). */
function firstBadReference(references: readonly Readonly<Record<string, unknown>>[], path: Path): Misshapen | undefined {
  for (const [index, reference] of references.entries()) {
    const key = OWNER_REFERENCE_KEYS.find((entry) => typeof reference[entry] !== 'string');
    if (key === undefined) continue;
    const at = [...path, index];
    const value = reference[key];
    const problem = value === undefined || value === null ? `${formatPath(at)} has no ${key}` : wrongType([...at, key], 'a string', value).problem;
    return { path: value === undefined ? at : [...at, key], problem, absent: 'the reference' };
  }
  return undefined;
}

function finding(object: KubeObject, path: Path, message: string): Finding {
  return findingAt(object, path, { ruleId: MALFORMED_CLUSTER_OBJECT.id, severity: MALFORMED_CLUSTER_OBJECT.severity, message });
}
