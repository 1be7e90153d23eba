// Fields of a cluster's Nodes and Pods that the scheduling dry-run reads, in a shape no API server returns (a
// hand-edited snapshot): reported where they are, as the schema check reports the inputs' own objects.
import { formatPath, type Path } from '../model/document.js';
import { describeValue } from '../model/describe-value.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { valueAt } from '../model/workload.js';

export const MALFORMED_CLUSTER_OBJECT: RuleMeta = {
  id: 'malformed-cluster-object',
  severity: 'error',
  category: 'scheduling',
  description: 'a Node or Pod of the cluster has no name, or a field the scheduler reads of the wrong type',
  rationale:
    'kubefit reads cluster snapshots without checking them against the schemas (a snapshot of 5,000 nodes is mostly ' +
    'status), trusting that they come from the API server. A hand-edited one may name no Node, or hold taints, labels, ' +
    'allocatable, a node name or containers of a type the API server would refuse: the scheduling dry-run treats such a ' +
    'field as absent (a node without its taints, a pod requesting nothing), so its verdicts may be wrong.',
  remediation: 'Take the snapshot again with kubectl get nodes,pods -A -o yaml, or correct the field as the message says.',
  defaultOn: true,
};

type Shape = 'string' | 'boolean' | 'mapping' | 'string map' | 'list of mappings';

/** The fields the dry-run reads, with their shape; the name is required. */
const NODE_FIELDS: readonly (readonly [Path, Shape])[] = [
  [['spec'], 'mapping'],
  [['status'], 'mapping'],
  [['metadata', 'labels'], 'string map'],
  [['spec', 'unschedulable'], 'boolean'],
  [['spec', 'taints'], 'list of mappings'],
  [['status', 'allocatable'], 'mapping'],
  [['status', 'capacity'], 'mapping'],
];

const POD_FIELDS: readonly (readonly [Path, Shape])[] = [
  [['spec'], 'mapping'],
  [['status'], 'mapping'],
  [['metadata', 'labels'], 'string map'],
  [['spec', 'nodeName'], 'string'],
  [['spec', 'tolerations'], 'list of mappings'],
  [['spec', 'containers'], 'list of mappings'],
  [['spec', 'initContainers'], 'list of mappings'],
  [['spec', 'overhead'], 'mapping'],
];

const NAME: Path = ['metadata', 'name'];

/** The malformed fields of a cluster Node (an input's own is schema-checked). */
export function malformedNodeFindings(node: KubeObject): Finding[] {
  return node.fromCluster ? malformedFindings(node, NODE_FIELDS) : [];
}

/** The malformed fields of a cluster Pod, bound to a node or pending (one whose nodeName is no string is pending). */
export function malformedPodFindings(pod: KubeObject): Finding[] {
  return pod.fromCluster ? malformedFindings(pod, POD_FIELDS) : [];
}

function malformedFindings(object: KubeObject, fields: readonly (readonly [Path, Shape])[]): Finding[] {
  const findings: Finding[] = [];
  const name = valueAt(object.value, NAME);
  if (name === undefined || name === null || name === '') findings.push(finding(object, NAME, 'metadata.name is required'));
  else if (typeof name !== 'string') findings.push(finding(object, NAME, `metadata.name must be a string, got ${describeValue(name)}`));
  for (const [path, shape] of fields) {
    const value = valueAt(object.value, path);
    if (value === undefined || value === null) continue;
    const bad = misshapen(value, shape, path);
    if (bad) findings.push(finding(object, bad.path, `${formatPath(bad.path)} must be ${bad.expected}, got ${describeValue(bad.value)}: the scheduling dry-run treats it as absent`));
  }
  return findings;
}

/** Where `value` (at `path`) departs from `shape`: itself, or its first bad entry. */
function misshapen(value: unknown, shape: Shape, path: Path): { path: Path; expected: string; value: unknown } | undefined {
  const isMapping = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (shape) {
    case 'string':
    case 'boolean':
      return typeof value === shape ? undefined : { path, expected: `a ${shape}`, value };
    case 'mapping':
      return isMapping ? undefined : { path, expected: 'a mapping', value };
    case 'string map': {
      if (!isMapping) return { path, expected: 'a mapping', value };
      const key = Object.keys(value).find((entry) => typeof (value as Record<string, unknown>)[entry] !== 'string');
      return key === undefined ? undefined : { path: [...path, key], expected: 'a string', value: (value as Record<string, unknown>)[key] };
    }
    case 'list of mappings': {
      if (!Array.isArray(value)) return { path, expected: 'a list', value };
      const index = value.findIndex((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry));
      return index < 0 ? undefined : { path: [...path, index], expected: 'a mapping', value: value[index] };
    }
  }
}

function finding(object: KubeObject, path: Path, message: string): Finding {
  return findingAt(object, path, { ruleId: MALFORMED_CLUSTER_OBJECT.id, severity: MALFORMED_CLUSTER_OBJECT.severity, message });
}
