import { describe, expect, it } from 'vitest';
import { findNodesThatFit, type Feasibility } from '../feasibility.js';
import type { FailureCode, PluginName } from '../framework.js';
import { NodeClasses } from '../node-classes.js';
import { objectOf, podObject, nodeInfoOf } from '../test-support.js';
import { toPodInfo, type PodInfo } from '../pod-info.js';
import { runPreFilters } from '../run-filters.js';
import { podSourceOfPod } from '../snapshot.js';
import { NEWEST_MINOR } from '../version.js';
import { toPodDisruptionBudget } from './pod-disruption-budgets.js';
import {
  nodesWherePreemptionMightHelp, postFilterMessage, postFilterMessageOf, preemptionOf, runPostFilter, toPreemptionResult, type PreemptionResult,
} from './preemption.js';

interface PodSpec {
  readonly name: string;
  readonly priority: number;
  /** Requested cpu in millicores. */
  readonly cpu: number;
  readonly startTime?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly preemptionPolicy?: string;
}

function pod(spec: PodSpec, nodeName?: string): PodInfo {
  const object = podObject(
    {
      ...(nodeName && { nodeName }),
      priority: spec.priority,
      ...(spec.preemptionPolicy && { preemptionPolicy: spec.preemptionPolicy }),
      containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: `${spec.cpu}m`, memory: '1Mi' } } }],
    },
    { name: spec.name, labels: spec.labels ?? {} },
  );
  const withStatus = spec.startTime ? objectOf({ ...object.value, status: { phase: 'Running', startTime: spec.startTime } }) : object;
  return toPodInfo(podSourceOfPod(withStatus), { minor: NEWEST_MINOR, services: [], priorityClasses: new Map(), defaultPriority: 0 }, []);
}

interface Case {
  readonly name: string;
  readonly preemptor: PodSpec;
  /** Node name → the pods bound there; every node has 1000m of cpu. */
  readonly nodes: Readonly<Record<string, readonly PodSpec[]>>;
  readonly budgets?: readonly Readonly<Record<string, unknown>>[];
  readonly want: PreemptionResult | null;
}

const low = (name: string, cpu: number, extra: Partial<PodSpec> = {}): PodSpec => ({ name, priority: -100, cpu, ...extra });
const mid = (name: string, cpu: number, extra: Partial<PodSpec> = {}): PodSpec => ({ name, priority: 100, cpu, ...extra });
const high = (name: string, cpu: number): PodSpec => ({ name, priority: 1000, cpu });
const budget = (app: string, disruptionsAllowed: number) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: app, namespace: 'default' },
  spec: { selector: { matchLabels: { app } } },
  status: { disruptionsAllowed },
});

// Ported from pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go TestSelectBestCandidate
// (pickOneNodeForPreemption's criteria) and TestDryRunPreemption (minimal victims, PDBs), with cpu as the resource.
const cases: Case[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    preemptor: high('p', 600),
    nodes: { node1: [mid('p1', 600)], node2: [mid('p2', 600)] },
    want: { node: 'node1', victims: ['default/p1'] },
  },
  {
    name: 'a pod that would fit on no node even with every lower priority pod preempted',
    preemptor: high('p', 600),
    nodes: { node1: [high('p1', 600)], node2: [{ ...high('p2', 500), priority: 2000 }] },
    want: null,
  },
  {
    name: 'node with min highest priority pod is picked',
    preemptor: high('p', 1000),
    nodes: { node1: [mid('p1.1', 500), low('p1.2', 500)], node2: [mid('p2.1', 500), low('p2.2', 500)], node3: [low('p3.1', 500), low('p3.2', 500)] },
    want: { node: 'node3', victims: ['default/p3.1', 'default/p3.2'] },
  },
  {
    name: 'when highest priorities are the same, minimum sum of lower priority pods is picked',
    preemptor: high('p', 1000),
    nodes: { node1: [mid('p1.1', 500), mid('p1.2', 500)], node2: [mid('p2.1', 500), low('p2.2', 500)], node3: [mid('p3.1', 500), low('p3.2', 500)] },
    want: { node: 'node2', victims: ['default/p2.1', 'default/p2.2'] },
  },
  {
    name: 'each victim adds MaxInt32+1 to the sum, so fewer victims win',
    preemptor: high('p', 1000),
    nodes: {
      node1: [mid('p1.1', 250), low('p1.2', 250), low('p1.3', 250), low('p1.4', 250)],
      node2: [mid('p2.1', 500), low('p2.2', 500)],
      node3: [mid('p3.1', 300), low('p3.2', 300), low('p3.3', 400)],
    },
    want: { node: 'node2', victims: ['default/p2.1', 'default/p2.2'] },
  },
  {
    name: 'when all criteria but start time are equal, the node whose highest priority victim started last is picked',
    preemptor: high('p', 600),
    nodes: {
      node1: [mid('p1.1', 600, { startTime: '2026-01-01T00:00:00Z' })],
      node2: [mid('p2.1', 600, { startTime: '2026-01-03T00:00:00Z' })],
      node3: [mid('p3.1', 600, { startTime: '2026-01-02T00:00:00Z' })],
    },
    want: { node: 'node2', victims: ['default/p2.1'] },
  },
  {
    name: 'reprieves the highest priority pods first, keeping the victims minimal',
    preemptor: high('p', 500),
    nodes: { node1: [mid('p1.1', 400), low('p1.2', 300), low('p1.3', 300)] },
    want: { node: 'node1', victims: ['default/p1.2', 'default/p1.3'] },
  },
  {
    name: 'fewest PDB violations first',
    preemptor: high('p', 600),
    nodes: { node1: [low('p1', 600, { labels: { app: 'guarded' } })], node2: [mid('p2', 600, { labels: { app: 'free' } })] },
    budgets: [budget('guarded', 0)],
    want: { node: 'node2', victims: ['default/p2'] },
  },
  {
    name: 'a budget that allows the disruption is no violation',
    preemptor: high('p', 600),
    nodes: { node1: [low('p1', 600, { labels: { app: 'guarded' } })], node2: [mid('p2', 600, { labels: { app: 'free' } })] },
    budgets: [budget('guarded', 1)],
    want: { node: 'node1', victims: ['default/p1'] },
  },
  {
    name: 'preemptionPolicy Never: not eligible to preempt',
    preemptor: { ...high('p', 600), preemptionPolicy: 'Never' },
    nodes: { node1: [low('p1', 600)] },
    want: null,
  },
];

type Setup = Omit<Case, 'want'> & { readonly cpu?: Readonly<Record<string, string>> };

/** DefaultPreemption's PostFilter for `preemptor` on nodes of 1000m cpu each (`cpu` overrides some). */
function postFilter(setup: Setup & { readonly minor?: number }) {
  return runPostFilter(...postFilterArgs(setup));
}

function postFilterArgs({ preemptor, nodes, budgets = [], cpu = {}, minor = NEWEST_MINOR }: Setup & { readonly minor?: number }) {
  const infos = Object.entries(nodes).map(([name, pods]) =>
    nodeInfoOf({ name, allocatable: { cpu: cpu[name] ?? '1', memory: '1Gi', pods: '110' } }, pods.map((spec) => pod(spec, name))),
  );
  const classes = new NodeClasses(infos);
  const cluster = classes.clusterState(new Map(), minor);
  const prepared = runPreFilters(pod(preemptor), cluster);
  const scope = { nodes: classes, cluster, budgets: budgets.map((b) => toPodDisruptionBudget(objectOf(b), { pods: [], controllers: [] })) };
  return [prepared, findNodesThatFit(prepared, classes), scope] as const;
}

interface MessageCase extends Omit<Case, 'want'> {
  readonly cpu?: Readonly<Record<string, string>>;
  /** The PostFilter status message, or undefined when a preemption is made. */
  readonly want: string | undefined;
}

// Ported from default_preemption_test.go TestPostFilter (wantStatus: DefaultPreemption's own status, which the
// PostFilter phase of 1.34+ joins to DynamicResources' reason). Upstream hands the filter statuses in; here they
// come from the filters: a node too small for the pod even when empty is UnschedulableAndUnresolvable.
const messageCases: MessageCase[] = [
  {
    name: 'pod with higher priority can be made schedulable',
    preemptor: high('p', 600),
    nodes: { node1: [mid('p1', 600)] },
    want: undefined,
  },
  {
    name: 'pod with tied priority is still unschedulable',
    preemptor: mid('p', 600),
    nodes: { node1: [mid('p1', 600)] },
    want: 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  },
  {
    name: 'preemption should respect filteredNodesStatuses',
    preemptor: high('p', 600),
    nodes: { node1: [low('p1', 100)] },
    cpu: { node1: '500m' },
    want: 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  },
  {
    name: 'no candidate nodes found, no enough resource after removing low priority pods',
    preemptor: high('p', 600),
    nodes: { node1: [{ ...high('p1', 500), priority: 2000 }, low('p1.2', 300)], node2: [{ ...high('p2', 500), priority: 2000 }, low('p2.2', 300)] },
    want: 'preemption: 0/2 nodes are available: 2 Insufficient cpu.',
  },
  {
    name: 'no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource',
    preemptor: high('p', 600),
    nodes: { node1: [high('p1', 600)], node2: [{ ...high('p2', 500), priority: 2000 }, low('p2.2', 300)], node3: [high('p3', 600)] },
    want: 'preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 No preemption victims found for incoming pod.',
  },
  {
    name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
    preemptor: high('p', 600),
    nodes: {
      node1: [{ ...high('p1', 500), priority: 2000 }, low('p1.2', 300)],
      node2: [{ ...high('p2', 500), priority: 2000 }, low('p2.2', 300)],
      node3: [],
      node4: [],
    },
    cpu: { node3: '500m', node4: '500m' },
    want: 'preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 Preemption is not helpful for scheduling.',
  },
  {
    name: 'a pod with preemptionPolicy Never is not eligible (PodEligibleToPreemptOthers)',
    preemptor: { ...high('p', 600), preemptionPolicy: 'Never' },
    nodes: { node1: [low('p1', 600)] },
    want: 'preemption: not eligible due to preemptionPolicy=Never.',
  },
];

describe('DefaultPreemption', () => {
  it.each(cases)('$name', ({ want, ...rest }) => {
    expect(toPreemptionResult(preemptionOf(postFilter(rest)))).toEqual(want);
  });

  it.each(messageCases)('PostFilter status: $name', ({ want, ...rest }) => {
    expect(postFilterMessageOf(postFilter(rest))).toBe(want && `no new claims to deallocate, ${want}`);
  });

  // upstream: framework/runtime/framework.go RunPostFilterPlugins joins the Unschedulable statuses' reasons.
  it('from 1.34 DynamicResources runs first: "no new claims to deallocate" joins the preemption message', () => {
    const tied = { name: 'tied', preemptor: mid('p', 600), nodes: { node1: [mid('p1', 600)] } };
    expect(postFilterMessageOf(postFilter({ ...tied, minor: 34 }))).toBe(
      'no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    expect(postFilterMessageOf(postFilter({ ...tied, minor: 33 }))).toBe('preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    expect(postFilterMessageOf(postFilter({ ...tied, preemptor: high('p', 600), minor: 34 }))).toBeUndefined();
  });

  // The message alone stops the dry run at the first candidate: it must say what the full PostFilter says.
  it.each([...cases, ...messageCases])('postFilterMessage agrees with runPostFilter: $name', ({ want: _want, ...rest }) => {
    expect(postFilterMessage(...postFilterArgs(rest))).toBe(postFilterMessageOf(postFilter(rest)));
  });

  // upstream: TestPostFilter "preemption should respect absent NodeToStatusReader entry meaning
  // UnschedulableAndUnresolvable". Upstream hands in an empty NodeToStatus; here NodeAffinity's PreFilter narrows the
  // nodes to one that does not exist, which leaves node1 without an entry of its own.
  it('preemption should respect absent NodeToStatusReader entry meaning UnschedulableAndUnresolvable', () => {
    const node1 = nodeInfoOf({ name: 'node1', allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }, [pod(low('p1', 600), 'node1')]);
    const classes = new NodeClasses([node1]);
    const cluster = classes.clusterState(new Map(), NEWEST_MINOR);
    const toElsewhere = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }],
        },
      },
    };
    const preemptor = toPodInfo(
      podSourceOfPod(podObject({ priority: 1000, affinity: toElsewhere, containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '600m' } } }] })),
      { minor: NEWEST_MINOR, services: [], priorityClasses: new Map(), defaultPriority: 0 },
      [],
    );
    const prepared = runPreFilters(preemptor, cluster);
    const scope = { nodes: classes, cluster, budgets: [] };
    const want = 'no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    expect(postFilterMessageOf(runPostFilter(prepared, findNodesThatFit(prepared, classes), scope))).toBe(want);
    expect(postFilterMessage(prepared, findNodesThatFit(prepared, classes), scope)).toBe(want);
  });

  it('never picks a node rejected UnschedulableAndUnresolvable', () => {
    const selective = nodeInfoOf({ name: 'node1', allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }, [pod(low('p1', 600), 'node1')]);
    const classes = new NodeClasses([selective]);
    const cluster = classes.clusterState(new Map(), NEWEST_MINOR);
    const preemptor = toPodInfo(
      podSourceOfPod(podObject({ priority: 1000, nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '600m' } } }] })),
      { minor: NEWEST_MINOR, services: [], priorityClasses: new Map(), defaultPriority: 0 },
      [],
    );
    const prepared = runPreFilters(preemptor, cluster);
    expect(preemptionOf(runPostFilter(prepared, findNodesThatFit(prepared, classes), { nodes: classes, cluster, budgets: [] }))).toBeUndefined();
  });
});

// Ported from plugins/defaultpreemption/default_preemption_test.go TestPodEligibleToPreemptOthers: the cases without a
// nominated node. The three with status.nominatedNodeName (a terminating victim on the nominated node) run through the
// whole dry-run in fixtures/schedule/DefaultPreemption-nominated (fixtures.test.ts).
describe('TestPodEligibleToPreemptOthers (upstream)', () => {
  it.each([
    ['Pod without nominated node', undefined, true],
    ["Pod with 'PreemptNever' preemption policy", 'Never', false],
  ] as const)('%s', (_name, preemptionPolicy, want) => {
    expect(pod({ ...high('p', 0), ...(preemptionPolicy && { preemptionPolicy }) }).mayPreempt).toBe(want);
  });
});

/** A node's filter status as upstream's table writes it: the code, and the plugin with its reason. */
type Status = readonly [code: FailureCode, plugin: PluginName, reason: string];

const U = 'Unschedulable';
const UU = 'UnschedulableAndUnresolvable';

// Ported from pkg/scheduler/framework/preemption/preemption_test.go TestNodesWherePreemptionMightHelp (@3e34da6e, where
// every one of the 4 nodes has a status): only Unschedulable nodes are tried, whatever the reason. The statuses that
// name no plugin upstream carry the NodeResourcesFit plugin here; the plugin plays no part.
describe('TestNodesWherePreemptionMightHelp (upstream)', () => {
  const unschedulable: Status = [U, 'NodeResourcesFit', 'Unschedulable'];
  it.each<{ name: string; statuses: readonly Status[]; want: readonly string[] }>([
    {
      name: 'No node should be attempted',
      statuses: [
        [UU, 'NodeAffinity', "node(s) didn't match Pod's node affinity/selector"],
        [UU, 'NodeName', "node(s) didn't match the requested node name"],
        [UU, 'TaintToleration', 'node(s) had untolerated taint(s)'],
        [UU, 'InterPodAffinity', "node(s) didn't match pod affinity rules"],
      ],
      want: [],
    },
    {
      name: 'ErrReasonAntiAffinityRulesNotMatch should be tried as it indicates that the pod is unschedulable due to inter-pod anti-affinity',
      statuses: [
        [U, 'InterPodAffinity', "node(s) didn't match pod anti-affinity rules"],
        [UU, 'NodeName', "node(s) didn't match the requested node name"],
        [UU, 'NodeUnschedulable', 'node(s) were unschedulable'],
        unschedulable,
      ],
      want: ['node1', 'node4'],
    },
    {
      name: 'ErrReasonAffinityRulesNotMatch should not be tried as it indicates that the pod is unschedulable due to inter-pod affinity, but ErrReasonAntiAffinityRulesNotMatch should be tried as it indicates that the pod is unschedulable due to inter-pod anti-affinity',
      statuses: [[UU, 'InterPodAffinity', "node(s) didn't match pod affinity rules"], [U, 'InterPodAffinity', "node(s) didn't match pod anti-affinity rules"], unschedulable, unschedulable],
      want: ['node2', 'node3', 'node4'],
    },
    {
      name: 'Mix of failed predicates works fine',
      statuses: [[UU, 'VolumeRestrictions', 'node(s) had no available disk'], [U, 'NodeResourcesFit', 'Insufficient memory'], unschedulable, unschedulable],
      want: ['node2', 'node3', 'node4'],
    },
    {
      name: 'Node condition errors should be considered unresolvable',
      statuses: [[UU, 'NodeUnschedulable', 'node(s) had unknown conditions'], unschedulable, unschedulable, unschedulable],
      want: ['node2', 'node3', 'node4'],
    },
    {
      name: 'ErrVolume... errors should not be tried as it indicates that the pod is unschedulable due to no matching volumes for pod on node',
      statuses: [
        [UU, 'VolumeZone', 'node(s) had no available volume zone'],
        [UU, 'VolumeBinding', 'node(s) had volume node affinity conflict'],
        [UU, 'VolumeBinding', "node(s) didn't find available persistent volumes to bind"],
        unschedulable,
      ],
      want: ['node4'],
    },
    {
      name: 'ErrReasonConstraintsNotMatch should be tried as it indicates that the pod is unschedulable due to topology spread constraints',
      statuses: [
        [U, 'PodTopologySpread', "node(s) didn't match pod topology spread constraints"],
        [UU, 'NodeName', "node(s) didn't match the requested node name"],
        [U, 'PodTopologySpread', "node(s) didn't match pod topology spread constraints"],
        unschedulable,
      ],
      want: ['node1', 'node3', 'node4'],
    },
    {
      name: 'UnschedulableAndUnresolvable status should be skipped but Unschedulable should be tried',
      statuses: [[U, 'NodeResourcesFit', ''], [UU, 'NodeResourcesFit', ''], [U, 'NodeResourcesFit', ''], [UU, 'NodeResourcesFit', '']],
      want: ['node1', 'node3'],
    },
    {
      name: "ErrReasonNodeLabelNotMatch should not be tried as it indicates that the pod is unschedulable due to node doesn't have the required label",
      statuses: [
        [U, 'NodeResourcesFit', ''],
        [UU, 'PodTopologySpread', "node(s) didn't match pod topology spread constraints (missing required label)"],
        [U, 'NodeResourcesFit', ''],
        [UU, 'NodeResourcesFit', ''],
      ],
      want: ['node1', 'node3'],
    },
  ])('$name', ({ statuses, want }) => {
    const feasibility: Feasibility = {
      numAllNodes: statuses.length,
      spec: undefined,
      verdicts: statuses.map(([code, plugin, reason], i) => ({ key: `node${i + 1}`, members: [i], status: { code, plugin, reasons: [reason] } })),
      others: undefined,
      othersCounted: false,
      preFilterMessage: undefined,
    };
    expect(nodesWherePreemptionMightHelp(feasibility).map((i) => `node${i + 1}`)).toEqual(want);
  });
});
