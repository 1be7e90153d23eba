import { describe, expect, it } from 'vitest';
import { fit } from '../check.js';

/** The scheduling results and findings of one fixture directory, through the loader and the check pipeline. */
async function fixture(plugin: string) {
  const report = await fit([`fixtures/schedule/${plugin}`]);
  const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
  return { results, findings: report.findings };
}

/** The same for a fixture directory's pods.yaml against its cluster.yaml (given with --cluster), for one release. */
async function fixtureWithCluster(plugin: string, kubernetesVersion?: string) {
  const report = await fit([`fixtures/schedule/${plugin}/pods.yaml`], { cluster: [`fixtures/schedule/${plugin}/cluster.yaml`], ...(kubernetesVersion && { kubernetesVersion }) });
  return { results: Object.fromEntries(report.scheduling.map((r) => [r.object.name, r])), findings: report.findings };
}

describe('fixtures/schedule', () => {
  it('InterPodAffinity: preferred terms that match the pod itself score every replica after the first (PreScore skips only the first)', async () => {
    // upstream: interpodaffinity/scoring.go PreScore, processExistingPod; totals by hand in the fixture's comments
    const { results } = await fixture('InterPodAffinity-replicas');
    expect(results['spread-out']?.placement).toMatchObject({ nodes: { big: 1, 'small-1': 1, 'small-2': 1 }, unschedulable: 0 });
    expect(results['together']?.placement).toMatchObject({ nodes: { 'pair-1': 3 }, unschedulable: 0 });
  });

  it('SchedulingQueue: a pod that fit nowhere at its turn is tried again after a later bind its queueing hint cares about', async () => {
    // upstream: scheduling_queue.go isPodWorthRequeuing; interpodaffinity and podtopologyspread isSchedulableAfterPodChange
    const { results } = await fixture('SchedulingQueue');
    expect(results['web']?.placement).toEqual({ nodes: { b1: 2 }, unschedulable: 0, message: null });
    expect(results['collector']?.placement).toEqual({ nodes: { a1: 1 }, unschedulable: 0, message: null });
    // a bind never queues a pod that only anti-affinity rejects: it keeps the message of its only try
    expect(results['loner']?.placement).toMatchObject({ nodes: {}, unschedulable: 1, message: expect.stringMatching(/^0\/3 nodes are available: 3 node\(s\) didn't match pod anti-affinity rules\./) });
  });

  it('SchedulingQueue: a pod tried again may preempt a replica the dry run placed; its controller re-creates it, which then stays Pending', async () => {
    const { results } = await fixture('SchedulingQueue-preemption');
    expect(results['api']?.placement).toEqual({
      nodes: { n1: 1 },
      unschedulable: 0,
      message: null,
      preempted: ['default/batch'],
      victims: [{ pod: 'default/batch', controller: 'Deployment/batch', node: null, message: expect.stringMatching(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) didn't match Pod's node affinity\/selector\./) }],
    });
    expect(results['api']?.preemption).toEqual({ node: 'n1', victims: ['default/batch'] });
    expect(results['batch']?.placement).toMatchObject({ nodes: {}, unschedulable: 1, rejected: { n1: ['Insufficient cpu'] } });
  });

  it('DefaultPreemption: a pod nominated by an earlier preemption waits for its terminating victim, and lands on its nominated node when it fits', async () => {
    // upstream: default_preemption.go PodEligibleToPreemptOthers, podTerminatingByPreemption; schedule_one.go evaluateNominatedNode
    const report = await fit([], { cluster: ['fixtures/schedule/DefaultPreemption-nominated'] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['api']?.placement).toMatchObject({
      nodes: {},
      unschedulable: 1,
      message: "0/4 nodes are available: 2 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.",
    });
    expect(results['api']?.preemption).toBeNull();
    // LeastAllocated would pick the empty node-4
    expect(results['report']?.placement).toEqual({ nodes: { 'node-3': 1 }, unschedulable: 0, message: null });
    // a manifest's status is none: the API server drops it on create, so the same pods as inputs are scheduled afresh
    const asInputs = Object.fromEntries((await fit(['fixtures/schedule/DefaultPreemption-nominated'])).scheduling.map((r) => [r.object.name, r]));
    expect(asInputs['report']?.placement).toEqual({ nodes: { 'node-4': 1 }, unschedulable: 0, message: null });
  });

  it('DefaultPreemption: a nominated pod that waits for its victim keeps its room from pods of equal or lower priority, not from higher ones', async () => {
    // upstream: framework/runtime/framework.go RunFilterPluginsWithNominatedPods, addGENominatedPods (v1.35)
    const report = await fit(['fixtures/schedule/DefaultPreemption-nominated-room/workloads.yaml'], { cluster: ['fixtures/schedule/DefaultPreemption-nominated-room/cluster.yaml'] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    // alone, node-1's 2 free cpu would take web: api's 3 cpu are reserved there
    expect(results['web']).toMatchObject({ feasibleNodes: [], rejected: { 'node-1': ['Insufficient cpu'], 'node-2': ['Insufficient cpu'] } });
    expect(results['web']?.placement).toMatchObject({
      nodes: {},
      unschedulable: 1,
      message: '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    });
    expect(results['alert']).toMatchObject({ feasibleNodes: ['node-1'], placement: { nodes: { 'node-1': 1 }, unschedulable: 0 } });
    expect(results['api']?.placement).toMatchObject({ nodes: {}, unschedulable: 1, message: expect.stringContaining('preemption: not eligible due to a terminating pod on the nominated node.') });
    // a node must pass with the nominated pods and without them: api, not there yet, does not satisfy follower's affinity
    expect(results['follower']).toMatchObject({ feasibleNodes: [], placement: { nodes: {}, unschedulable: 1 } });
  });

  it('DefaultPreemption: a nominated pod that finds no preemption candidate loses its nomination, and the room it kept is free for the pods after it', async () => {
    // upstream: preemption.go Preempt (no candidate: NewPostFilterResultWithNominatedNode("")), schedule_one.go
    // handleSchedulingFailure, nominator.go addNominatedPodUnlocked (ModeOverride); default_preemption_test.go
    // TestPostFilter "pod with tied priority is still unschedulable" wants that result (v1.35)
    const dir = 'fixtures/schedule/DefaultPreemption-nominated-cleared';
    const report = await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['api']?.placement).toMatchObject({
      nodes: {},
      unschedulable: 1,
      message: '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    });
    // alone, web leaves api's 2 cpu free; scheduled after api's failure, it takes node-1's last cpu
    expect(results['web']).toMatchObject({ feasibleNodes: [], placement: { nodes: { 'node-1': 1 }, unschedulable: 0, message: null } });
  });

  it('DefaultPreemption: a nominated pod a PreFilter rejects loses its nomination before 1.34, and keeps it from 1.34 (DynamicResources\' PostFilter Error ends the phase first)', async () => {
    // upstream: framework.go RunPostFilterPlugins, preemption.go findCandidates (ClearNominatedNodeName),
    // dynamicresources.go PostFilter (v1.35)
    const dir = 'fixtures/schedule/DefaultPreemption-nominated-prefilter';
    const web = async (kubernetesVersion: string) => (await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`], kubernetesVersion })).scheduling.find((r) => r.object.name === 'web');
    expect((await web('1.33'))?.placement).toMatchObject({ nodes: { 'node-1': 1 }, unschedulable: 0 });
    expect((await web('1.34'))?.placement).toMatchObject({ nodes: {}, unschedulable: 1 });
  });

  it('DefaultPreemption: a higher-priority preemption on its node takes a pod\'s nomination away: it no longer waits for the victims terminating there, nor is tried there first', async () => {
    // upstream: preemption.go prepareCandidate (getLowerPriorityNominatedPods, util.ClearNominatedNodeName),
    // default_preemption.go PodEligibleToPreemptOthers (v1.35)
    const dir = 'fixtures/schedule/DefaultPreemption-nomination-taken';
    const report = await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['urgent']?.placement).toMatchObject({ nodes: { 'node-1': 1 }, preempted: ['default/batch'] });
    expect(results['api']?.placement).toMatchObject({ nodes: { 'node-2': 1 }, unschedulable: 0, preempted: ['default/report'] });
    expect(results['cache']?.placement).toEqual({ nodes: { 'node-3': 1 }, unschedulable: 0, message: null });
  });

  it('PodTopologySpread: a nominated pod raises an empty selector\'s count where its room is kept, though PreFilter counts no pod', async () => {
    // upstream: podtopologyspread/filtering.go AddPod -> updateWithPod (an empty selector matches every pod of the
    // namespace; PreFilter's countPodsMatchSelector counts none), framework.go RunFilterPluginsWithNominatedPods (v1.35)
    const dir = 'fixtures/schedule/PodTopologySpread-nominated-empty-selector';
    const report = await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    expect(report.scheduling.find((r) => r.object.name === 'p')).toMatchObject({
      feasibleNodes: ['node-b'],
      rejected: { 'node-a': ["node(s) didn't match pod topology spread constraints"] },
      placement: { nodes: { 'node-b': 1 } },
    });
  });

  it('DefaultPreemption: a new pod takes its priority and preemptionPolicy from its known PriorityClass, not from a copied spec', async () => {
    // upstream: plugin/pkg/admission/priority/admission.go admitPod (it refuses a pod whose spec says otherwise)
    const dir = 'fixtures/schedule/DefaultPreemption-admitted-priority';
    const report = await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    // priority 10, the victim's: nothing to evict (spec.priority 1000000 evicted it)
    expect(results['app']?.preemption).toBeNull();
    expect(results['app']?.placement.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    expect(results['quiet']?.placement.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('NodeAffinity: preferred terms the API server accepts but PreScore cannot parse leave the pod unbound (a scheduler error, no preemption) when scoring runs', async () => {
    // upstream: nodeaffinity/node_affinity.go PreScore (getPodPreferredNodeAffinity), framework.go RunPreScorePlugins;
    // schedule_one.go schedulePod skips scoring for one feasible node; node_affinity_test.go TestNodeAffinityPriority
    // "PreScore returns error when an incoming Pod has a broken affinity"
    const dir = 'fixtures/schedule/NodeAffinity-prescore-error';
    const report = await fit([`${dir}/pods.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['web']).toMatchObject({ feasibleNodes: ['node-a', 'node-b'], message: null, preemption: null });
    expect(results['web']?.placement).toMatchObject({
      nodes: {},
      unschedulable: 1,
      message: expect.stringMatching(/^running PreScore plugin "NodeAffinity": \[0\]\.matchExpressions\[0\]\.values\[1\]\[disk\]: Invalid value: "fast disk": a valid label must be an empty string/),
    });
    expect(results['pinned']?.placement).toEqual({ nodes: { 'node-b': 1 }, unschedulable: 0, message: null });
  });

  it('DefaultPreemption: victims are sorted by importance after the reprieve from 1.29 (kubernetes#128307), not in 1.28', async () => {
    // upstream: default_preemption_test.go TestPostFilter "pod can be made schedulable on minHighestPriority node";
    // default_preemption.go SelectVictimsOnNode, preemption.go pickOneNodeForPreemption reads victims[0]
    const dir = 'fixtures/schedule/DefaultPreemption-victim-order';
    const preemption = async (kubernetesVersion: string) => (await fit([`${dir}/pod.yaml`], { cluster: [`${dir}/cluster.yaml`], kubernetesVersion })).scheduling[0]?.preemption;
    expect(await preemption('1.29')).toEqual({ node: 'node2', victims: ['default/p3'] });
    expect(await preemption('1.28')).toEqual({ node: 'node1', victims: ['default/p1', 'default/p2'] });
  });

  it('drop-disabled-fields: a release with the feature off by default drops the field on create, and the scheduler never reads it', async () => {
    // upstream: pkg/api/pod/util.go dropDisabledFields, dropDisabledMatchLabelKeysFieldInPodAffinity
    const dir = 'fixtures/schedule/drop-disabled-fields';
    const placements = async (kubernetesVersion: string) => Object.fromEntries((await fit([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`], kubernetesVersion })).scheduling.map((r) => [r.object.name, r.placement.unschedulable]));
    expect(await placements('1.31')).toEqual({ web: 0, sidecar: 1 });
    expect(await placements('1.30')).toEqual({ web: 1, sidecar: 1 });
    expect(await placements('1.28')).toEqual({ web: 1, sidecar: 0 });
  });

  it('PodTopologySpread: an empty labelSelector counts no pod, neither bound ones nor the replicas placed before', async () => {
    // upstream: podtopologyspread/common.go countPodsMatchSelector (an empty selector counts 0), filtering.go updateWithPod
    const dir = 'fixtures/schedule/PodTopologySpread-empty-selector';
    const [web] = (await fit([`${dir}/web.yaml`], { cluster: [`${dir}/cluster.yaml`] })).scheduling;
    expect(web?.placement).toEqual({ nodes: { big: 3 }, unschedulable: 0, message: null });
  });

  it('ReplacedPods: a StatefulSet\'s and a DaemonSet\'s running pods (owned, or adopted orphans) give way to the checked template\'s; another controller\'s stay', async () => {
    // upstream: statefulset/stateful_set_control.go processReplica (isCreated), daemon/daemon_controller.go
    // podsShouldBeOnNode (shouldRun && !exists); rolling updates of both delete a pod before its successor is created
    const report = await fit(['fixtures/schedule/ReplacedPods']);
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['web']?.placement).toEqual({ nodes: { n1: 1, n2: 1 }, unschedulable: 0, message: null });
    expect(results['agent']?.placement).toEqual({ nodes: { n1: 1, n2: 1 }, unschedulable: 0, message: null });
    expect(report.nodes?.map((node) => [node.name, node.bound])).toEqual([['n1', { pods: 0 }], ['n2', { cpu: 250, pods: 1 }]]);
  });

  it('StatefulSet: OrderedReady creates an ordinal only once the one before it runs; Parallel creates them all', async () => {
    // upstream: statefulset/stateful_set_control.go (monotonic pod management waits for each ordinal to be Running and Ready)
    const { results } = await fixture('StatefulSet-OrderedReady');
    const message = "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had volume node affinity conflict. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
    expect(results['db']?.placement).toMatchObject({ nodes: {}, unschedulable: 2, message });
    expect(results['cache']?.placement).toMatchObject({ nodes: { n2: 1 }, unschedulable: 1, message });
  });

  it('StatefulSet: OrderedReady creates ordinal 1 after the pods made at apply time are scheduled, not right after ordinal 0', async () => {
    // upstream: statefulset/stateful_set_control.go processReplica (monotonic: one pod per sync, the next once it is Running and Ready)
    const { results } = await fixture('StatefulSet-OrderedReady-later-ordinals');
    const message = '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
    expect(results['db']?.placement).toMatchObject({ nodes: { n1: 1 }, unschedulable: 1, message });
    expect(results['web']?.placement).toMatchObject({ nodes: { n1: 1 }, unschedulable: 0, message: null });
    // Parallel: both ordinals made at apply time, queued after web
    expect(results['queue']?.placement).toMatchObject({ nodes: {}, unschedulable: 2, message });
  });

  it('StatefulSet: ordinals count from spec.ordinals.start, and each pod carries its pod-name and pod-index labels', async () => {
    // upstream: statefulset/stateful_set_utils.go newStatefulSetPod, updateIdentity, getPersistentVolumeClaimName
    const { results } = await fixture('StatefulSet-ordinals');
    expect(results['web']?.placement).toEqual({ nodes: { n2: 1, n3: 1 }, unschedulable: 0, message: null });
    expect(results['reader']?.placement).toEqual({ nodes: { n3: 1 }, unschedulable: 0, message: null });
    // without claims too: broker-0 takes the empty n1, broker-1 the first of the equal n2 and n3, and exporter joins it
    expect(results['broker']?.placement).toEqual({ nodes: { n1: 1, n2: 1, n3: 1 }, unschedulable: 0, message: null });
    expect(results['exporter']?.placement).toEqual({ nodes: { n2: 1 }, unschedulable: 0, message: null });
    // PodIndexLabel is on by default from v1.28: before, no pod carries the ordinal as a label
    const before = await fit(['fixtures/schedule/StatefulSet-ordinals'], { kubernetesVersion: '1.27' });
    const byName = Object.fromEntries(before.scheduling.map((r) => [r.object.name, r]));
    expect(byName['web']?.placement).toMatchObject({ nodes: { n2: 1, n3: 1 }, unschedulable: 0 });
    expect(byName['reader']?.placement).toMatchObject({ nodes: {}, unschedulable: 1, rejected: { n3: ["node(s) didn't match pod affinity rules"] } });
  });

  it('a node claiming a billion pod slots runs at most 2,500 pods: two billion ordinals make 2,501, two billion replicas bind 2,499', async () => {
    const report = await fit(['fixtures/scheduler/huge-node/app.yaml'], { cluster: ['fixtures/scheduler/huge-node/cluster.yaml'] });
    // ordinal 1 is created once ordinal 0 runs, after the Deployment's replicas took the node's last slots
    expect(report.scheduling[0]?.placement).toMatchObject({ nodes: { n1: 1 }, unschedulable: 2147483646, message: expect.stringMatching(/^0\/1 nodes are available: 1 Insufficient cpu, 1 Too many pods\./) });
    expect(report.scheduling[1]?.placement).toMatchObject({ nodes: { n1: 2499 }, unschedulable: 2147483647 - 2499, message: expect.stringMatching(/^0\/1 nodes are available: 1 Too many pods\./) });
    expect(report.findings.filter((f) => f.ruleId === 'node-pods-capped').map((f) => [f.line, f.column, f.message])).toEqual([
      [5, 53, 'the node claims 1000000000 allocatable pods and the dry-run runs at most 2500 on one node: it filled them, so replicas it found no room for may fit here'],
    ]);
    // what the node declares, not the dry-run's ceiling
    expect(report.nodes?.find((n) => n.name === 'n1')?.allocatable['pods']).toBe(1_000_000_000);
  });

  it('a node claiming a billion pod slots that the dry-run does not fill to its ceiling gets no node-pods-capped finding', async () => {
    const report = await fit(['fixtures/scheduler/huge-node-room/app.yaml'], { cluster: ['fixtures/scheduler/huge-node/cluster.yaml'] });
    expect(report.scheduling[0]?.placement).toMatchObject({ nodes: { n1: 3 }, unschedulable: 0 });
    expect(report.findings.filter((f) => f.ruleId === 'node-pods-capped')).toEqual([]);
  });

  it('Job: an Indexed Job places one pod per completion index, each labelled with its index from v1.28', async () => {
    // upstream: job/job_controller.go manageJob, job/indexed_job_utils.go addCompletionIndexLabel
    const { results } = await fixture('Job-indexed');
    expect(results['train']?.placement).toEqual({ nodes: { n1: 1, n2: 1, n3: 1 }, unschedulable: 0, message: null });
    expect(results['tensorboard']?.placement).toEqual({ nodes: { n1: 1 }, unschedulable: 0, message: null });
    // a CronJob's Indexed Jobs too
    expect(results['eval-watch']?.placement).toEqual({ nodes: { n1: 1 }, unschedulable: 0, message: null });
    const before = await fit(['fixtures/schedule/Job-indexed'], { kubernetesVersion: '1.27' });
    const tensorboard = before.scheduling.find((r) => r.object.name === 'tensorboard');
    expect(tensorboard?.placement).toMatchObject({ nodes: {}, unschedulable: 1, rejected: { n1: ["node(s) didn't match pod affinity rules"] } });
  });

  it('InterPodAffinity: replicas with required hostname affinity are spread by the default constraints among the nodes their affinity allows', async () => {
    // upstream: interpodaffinity filtering.go, podtopologyspread scoring.go (system defaults); totals by hand in the fixture
    const { results } = await fixture('InterPodAffinity-required-replicas');
    expect(results['web']?.placement).toEqual({ nodes: { n1: 1, n5: 1 }, unschedulable: 0, message: null });
  });

  it('PodTopologySpread: a pending Pod of a ReplicaSet is spread by the system default constraints with its controller\'s selector', async () => {
    // upstream: helper/spread.go DefaultSelector follows the controller reference (by name, in the pod's namespace)
    const { results } = await fixture('PodTopologySpread-owner');
    expect(results['api-7d4f9-ccccc']?.placement).toMatchObject({ nodes: { n2: 1 }, unschedulable: 0 });
    expect(results['orphan-ddddd']?.placement).toMatchObject({ nodes: { n1: 1 }, unschedulable: 0 });
  });

  it('Rollout: an Argo Rollout\'s replicas are spread by the system default constraints as a Deployment\'s, a Job\'s are not', async () => {
    // upstream: podtopologyspread/common.go buildDefaultConstraints, helper/spread.go DefaultSelector (ReplicaSet owners)
    const { results } = await fixture('Rollout');
    expect(results['checkout']?.placement).toEqual({ nodes: { n1: 1, n2: 1 }, unschedulable: 0, message: null });
    expect(results['batch']?.placement).toEqual({ nodes: { n1: 2 }, unschedulable: 0, message: null });
    // a Rollout with a workloadRef runs the pods of the Deployment it names
    expect(results['borrowed']).toBeUndefined();
  });

  it('PodTopologySpread: pods on a node without the zone label count in the zone "" that a node labelled with the empty zone scores by', async () => {
    // upstream: podtopologyspread/scoring.go PreScore (processAllNode reads node.Labels[key]) and Score (only labelled nodes)
    const { results } = await fixture('PodTopologySpread-empty-zone');
    expect(results['web']?.placement).toMatchObject({ nodes: { n2: 4 }, unschedulable: 0 });
  });

  it('NodeUnschedulable: a cordoned node rejects all but tolerating pods', async () => {
    const { results } = await fixture('NodeUnschedulable');
    expect(results['pending']).toMatchObject({
      line: 8,
      column: 1,
      feasibleNodes: [],
      rejected: { cordoned: ['node(s) were unschedulable'] },
      message: '0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      placement: { nodes: {}, unschedulable: 1 },
    });
    expect(results['tolerant']).toMatchObject({ feasibleNodes: ['cordoned'], rejected: {}, message: null, placement: { nodes: { cordoned: 1 }, unschedulable: 0 } });
  });

  it('DynamicResources: a pod with resourceClaims is placed on what the modelled filters allow, with a note that its devices were not checked', async () => {
    const { results, findings } = await fixture('DynamicResources');
    expect(results['trainer']).toMatchObject({ feasibleNodes: ['gpu-node'], placement: { nodes: { 'gpu-node': 1 } } });
    // upstream: dynamicresources.go PostFilter: a pod with claims, none unavailable on a node, is "still not schedulable"
    expect(results['oversized-trainer']?.placement?.message).toBe('0/1 nodes are available: 1 Insufficient cpu. still not schedulable, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
    expect(findings.filter((f) => f.ruleId === 'resource-claims-not-checked').map((f) => [f.object?.name, f.line, f.column, f.path, f.message])).toEqual([
      [
        'trainer', 28, 9, 'spec.template.spec.resourceClaims',
        'resource claims were not checked: kubefit does not run the DynamicResources filter, so the nodes it names may lack the devices of resource claim "gpu"',
      ],
      [
        'oversized-trainer', 49, 5, 'spec.resourceClaims',
        'resource claims were not checked: kubefit does not run the DynamicResources filter, so the nodes it names may lack the devices of resource claim "gpu"',
      ],
    ]);
  });

  it('DynamicResources: device selectors compare capacities as quantities and version attributes as semantic versions, after the class\'s selectors', async () => {
    // upstream: apiserver pkg/cel/library quantity.go, semverlib.go; dynamic-resource-allocation/cel/compile.go DeviceMatches (v1.35)
    const { results, findings } = await fixtureWithCluster('DynamicResources-cel-types');
    expect(results['big-memory']).toMatchObject({ feasibleNodes: ['big'], rejected: { small: ['cannot allocate all claims'] } });
    expect(results['exact-memory']).toMatchObject({ feasibleNodes: ['small'], rejected: { big: ['cannot allocate all claims'] } });
    expect(results['new-driver']).toMatchObject({ feasibleNodes: ['small'], rejected: { big: ['cannot allocate all claims'] } });
    // upstream: allocator_stable.go isSelectable: the class's selectors first, so no GPU selector runs on big's NIC
    expect(findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toEqual([]);
    // dynamicresources.go PreFilter: a missing class refuses the request before any selector runs
    expect(results['no-class']?.placement?.message).toMatch(/^0\/2 nodes are available: request gpu: device class tpu.example.com does not exist\. /);
  });

  it('DynamicResources: with ResourceSlices and DeviceClasses, claims are allocated from the devices of the nodes they reach', async () => {
    // upstream: dynamicresources/dynamicresources_test.go TestPlugin (v1.35); structured/internal/stable allocator_stable.go
    const byName = (kubernetesVersion?: string) => fixtureWithCluster('DynamicResources-structured', kubernetesVersion);
    const { results, findings } = await byName();
    const exhausted = '0/3 nodes are available: 3 cannot allocate all claims. still not schedulable, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    // "no-resources", "with-resources": each replica's claim from the template takes a free GPU (Reserve), the third finds none;
    // gpu-1's outdated slice (an older pool generation) offers nothing
    expect(results['trainer']).toMatchObject({ feasibleNodes: ['gpu-1', 'gpu-2'], rejected: { 'cpu-only': ['cannot allocate all claims'] } });
    expect(results['trainer']?.placement).toMatchObject({ nodes: { 'gpu-1': 1, 'gpu-2': 1 }, unschedulable: 1, message: exhausted });
    // "exhausted-resources": the other A100 of gpu-1 is allocated to shared-gpu; a selector on the model attribute
    expect(results['two-a100']).toMatchObject({ feasibleNodes: [], placement: { message: exhausted } });
    // "good-topology", "wrong-topology": an allocated claim's node selector
    expect(results['joins-shared']).toMatchObject({ feasibleNodes: ['gpu-1'], rejected: { 'cpu-only': ['resourceclaim not available on the node'], 'gpu-2': ['resourceclaim not available on the node'] } });
    // allocationMode All: every device the node reaches must be free, and there must be one
    expect(results['all-gpus']).toMatchObject({ feasibleNodes: ['gpu-2'], rejected: { 'cpu-only': ['cannot allocate all claims'], 'gpu-1': ['cannot allocate all claims'] } });
    // "missing-class": a PreFilter rejection; DynamicResources' PostFilter then finds no claims in its state
    expect(results['no-class']?.placement?.message).toBe(
      '0/3 nodes are available: request fpga: device class fpga.example.com does not exist. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    // a selector that fails to evaluate (a capacity the devices lack) leaves the claim unchecked, as if the pod claimed nothing
    expect(results['big-memory']).toMatchObject({ feasibleNodes: ['cpu-only', 'gpu-1', 'gpu-2'] });
    expect(findings.filter((f) => f.ruleId === 'resource-claims-not-checked').map((f) => [f.object?.name, f.path, f.message])).toEqual([
      [
        'big-memory', 'spec.resourceClaims',
        `resource claims were not checked: kubefit did not run the DynamicResources filter: the selector "device.capacity['gpu.example.com'].memory.compareTo(quantity('40Gi')) >= 0" fails on device "gpu-0" of driver gpu.example.com (field not found: memory), so the nodes it names may lack the devices of resource claim "gpu"`,
      ],
      // "deleted-claim" (PreEnqueue: `resourceclaim "going-away" is being deleted`)
      [
        'uses-deleted', 'spec.resourceClaims',
        'resource claims were not checked: kubefit did not run the DynamicResources filter: resourceclaim "going-away" is being deleted, and kube-scheduler does not try the pod until it is gone, so the nodes it names may lack the devices of resource claim "gpu"',
      ],
    ]);
    // DynamicResourceAllocation is off by default before 1.34: the plugin does not run, the claims stay unchecked
    const before = await byName('1.33');
    expect(before.results['joins-shared']).toMatchObject({ feasibleNodes: ['cpu-only', 'gpu-1', 'gpu-2'] });
    expect(before.findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toHaveLength(7);
  });

  it('DynamicResources: matchAttribute constraints and firstAvailable subrequests decide which node can allocate a claim', async () => {
    // upstream: structured/internal/allocatortesting/allocator_testing.go (v1.35), the cases named in the fixture
    const { results, findings } = await fixtureWithCluster('DynamicResources-constraints');
    const onlyNodeA = { feasibleNodes: ['node-a'], rejected: { 'node-b': ['cannot allocate all claims'] } };
    expect(results['same-model']).toMatchObject({ ...onlyNodeA, placement: { nodes: { 'node-a': 1 } } });
    expect(results['retry']).toMatchObject(onlyNodeA);
    expect(results['prefers-h100']).toMatchObject(onlyNodeA);
    // same-model took node-a's T4s first
    expect(results['prefers-h100']?.placement).toMatchObject({ nodes: {}, unschedulable: 1 });
    expect(results['unknown-subrequest-class']?.placement?.message).toMatch(/^0\/2 nodes are available: request gpus\/tpu: device class tpu\.example\.com does not exist\. /);
    expect(findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toEqual([]);
  });

  it('DynamicResources: before 1.36 device taints are ignored, and devices with binding conditions or counters are never allocated', async () => {
    // upstream: allocator_stable.go isSelectable, allocateDevice, taintPreventsAllocation behind features.DeviceTaints;
    // dynamicresources_test.go TestPlugin "tainted-device-disabled" (v1.35)
    const v135 = await fixtureWithCluster('DynamicResources-gates', '1.35');
    expect(v135.results['one-device']).toMatchObject({ feasibleNodes: ['node-a'] });
    expect(v135.results['two-devices']).toMatchObject({ feasibleNodes: [], rejected: { 'node-a': ['cannot allocate all claims'] } });
    expect(v135.findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toEqual([]);
    const v136 = await fixtureWithCluster('DynamicResources-gates');
    expect(v136.findings.filter((f) => f.ruleId === 'resource-claims-not-checked').map((f) => f.message)).toEqual([
      'resource claims were not checked: kubefit did not run the DynamicResources filter: ResourceSlice "node-a-gpu.example.com" sets spec.sharedCounters, which kubefit does not model, so the nodes it names may lack the devices of resource claim "gpus"',
      'resource claims were not checked: kubefit did not run the DynamicResources filter: ResourceSlice "node-a-gpu.example.com" sets spec.sharedCounters, which kubefit does not model, so the nodes it names may lack the devices of resource claim "gpu"',
    ]);
  });

  it('DynamicResources: from 1.36 NodeResourcesFit leaves an extended resource a DeviceClass backs to DRA on nodes that do not advertise it, which allocates devices of the class there', async () => {
    // upstream: noderesources/fit.go shouldDelegateResourceToDRA; dynamicresources.go preFilterExtendedResources,
    // filterExtendedResources, Reserve, PostFilter (v1.36)
    const byName = (kubernetesVersion?: string) => fixtureWithCluster('DynamicResources-extended-resource', kubernetesVersion);
    const { results, findings } = await byName();
    expect(results['two-gpus']).toMatchObject({ feasibleNodes: ['dra-node'], rejected: { 'plugin-node': ['Insufficient example.com/gpu'] }, placement: { nodes: { 'dra-node': 1 } } });
    expect(results['fpga']).toMatchObject({ feasibleNodes: ['dra-node'], rejected: { 'plugin-node': ['cannot allocate all claims'] } });
    // the GPUs two-gpus took on the DRA node are in use
    expect(results['two-more-gpus']?.placement?.message).toBe(
      '0/2 nodes are available: 1 Insufficient example.com/gpu, 1 cannot allocate all claims. still not schedulable, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
    expect(results['tpu']).toMatchObject({ feasibleNodes: [], rejected: { 'dra-node': ['Insufficient example.com/tpu'] } });
    expect(results['oversized']?.placement?.message).toBe('0/2 nodes are available: 2 Insufficient cpu. still not schedulable, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    expect(findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toEqual([]);
    // DRAExtendedResource is alpha (off) in 1.34 and 1.35
    const before = await byName('1.35');
    expect(before.results['two-gpus']).toMatchObject({ feasibleNodes: [], rejected: { 'dra-node': ['Insufficient example.com/gpu'] } });
    expect(before.results['oversized']?.placement?.message).toMatch(/no new claims to deallocate/);
    expect(before.findings.filter((f) => f.ruleId === 'resource-claims-not-checked')).toEqual([]);
  });

  it('NodeName: a pod created with spec.nodeName is admitted by that node\'s kubelet (resources, node affinity, host ports, NoExecute taints), not scheduled', async () => {
    // upstream: kubelet/lifecycle/predicate.go Admit, generalFilter, removeMissingExtendedResources; eventhandlers.go AdmissionCheck
    const { results } = await fixture('NodeName-kubelet');
    expect(results['pinned']).toMatchObject({ feasibleNodes: ['cordoned'], placement: { nodes: { cordoned: 1 }, unschedulable: 0 } });
    expect(results['db-1']).toMatchObject({ feasibleNodes: ['small'], placement: { nodes: { small: 1 }, unschedulable: 0 } });
    expect(results['big']?.placement?.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1000, capacity: 1000");
    expect(results['wants-ssd']?.placement?.message).toBe("Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector");
    expect(results['evicted']?.placement?.message).toBe("Pod was rejected: Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate");
    expect(results['evicted']?.preemption).toBeNull();
    expect(results['ghost']?.placement?.message).toMatch(/^no node is named "nowhere": the pod stays Pending/);
  });

  it("NodeName: the kubelet refuses first a pod whose OS label or field is not the node's OS, then Strict supplemental groups the node does not support (from 1.33)", async () => {
    // upstream: kubelet/lifecycle/predicate.go Admit, rejectPodAdmissionBasedOnOSSelector, rejectPodAdmissionBasedOnOSField,
    // rejectPodAdmissionBasedOnSupplementalGroupsPolicy
    const { results } = await fixture('NodeName-kubelet-admit');
    const label = 'Pod was rejected: Failed to admit pod as the `kubernetes.io/os` label doesn\'t match node label';
    const field = "Pod was rejected: Failed to admit pod as the OS field doesn't match node OS";
    const strict = 'Pod was rejected: SupplementalGroupsPolicy=Strict is not supported in this node';
    expect(results['windows-labelled']?.placement?.message).toBe(label);
    expect(results['windows-os']?.placement?.message).toBe(field);
    expect(results['windows-everything']?.placement?.message).toBe(label);
    expect(results['windows-tool']).toMatchObject({ feasibleNodes: ['windows'], placement: { nodes: { windows: 1 }, unschedulable: 0 } });
    expect(results['strict-groups']).toMatchObject({ feasibleNodes: [], placement: { message: strict }, rejected: { 'linux-old-runtime': [strict.slice('Pod was rejected: '.length)] } });
    expect(results['strict-groups-supported']).toMatchObject({ placement: { nodes: { 'linux-strict': 1 }, unschedulable: 0 } });
    expect(results['strict-groups-windows']?.placement?.message).toBe(field);
    // the SupplementalGroupsPolicy gate is alpha before 1.33: the kubelet admits such a pod
    const before = await fit(['fixtures/schedule/NodeName-kubelet-admit'], { kubernetesVersion: '1.32' });
    expect(before.scheduling.find((r) => r.object.name === 'strict-groups')).toMatchObject({ placement: { nodes: { 'linux-old-runtime': 1 }, unschedulable: 0 } });
  });

  it("NodeName: a pod created with spec.nodeName passes the API server's admission plugins before its kubelet admits it (a LimitRange's default request, the default NoExecute tolerations)", async () => {
    // upstream: plugin/pkg/admission/limitranger/admission.go, plugin/pkg/admission/defaulttolerationseconds/admission.go Admit
    const { results } = await fixture('NodeName-kubelet-admission-plugins');
    expect(results['pinned']?.placement).toEqual({ nodes: { 'not-ready': 1 }, unschedulable: 0, message: null });
    expect(results['defaulted']?.placement?.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 0, capacity: 1000");
  });

  it("a snapshot's pending pod is scheduled as stored: the admission plugins it passed when created do not run again", async () => {
    const report = await fit([], { cluster: ['fixtures/schedule/LimitRanger-snapshot-pending'] });
    expect(report.scheduling.map((r) => [r.object.name, r.placement])).toEqual([['early', { nodes: { small: 1 }, unschedulable: 0, message: null }]]);
  });

  it('InterPodAffinity: a namespaceSelector that reads labels of a namespace without its Namespace object says what kubefit assumed', async () => {
    // upstream: interpodaffinity/plugin.go mergeAffinityTermNamespacesIfNotEmpty (the incoming pod's terms select among
    // the Namespaces) and filtering.go / scoring.go GetNamespaceLabelsSnapshot (existing pods' terms read the incoming
    // pod's Namespace) (v1.35); kubefit knows a namespace without its object by kubernetes.io/metadata.name only
    const { results, findings } = await fixtureWithCluster('InterPodAffinity-namespace-labels-unknown');
    expect(results['web']?.placement).toMatchObject({ nodes: { n1: 1 }, unschedulable: 0 });
    expect(findings.filter((f) => f.ruleId === 'namespace-labels-unknown').map((f) => [f.object?.name, f.line, f.column, f.path, f.message])).toEqual([
      [
        'web', 6, 34, 'metadata.namespace',
        'no Namespace object for "shop" in the inputs or --cluster: the namespaceSelector of Pod other/guard\'s pod affinity terms was matched against its kubernetes.io/metadata.name label only',
      ],
      [
        'web', 18, 34, 'spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector',
        'no Namespace objects for "other", "shop" in the inputs or --cluster: this namespaceSelector was matched against their kubernetes.io/metadata.name label only',
      ],
    ]);
  });

  it('InterPodAffinity: a snapshot pod\'s affinity terms are read as stored, matchLabelKeys merged at its creation and not again', async () => {
    // upstream: pkg/registry/core/pod/strategy.go PrepareForCreate mutatePodAffinity (PrepareForUpdate does not) (v1.35)
    const { results } = await fixtureWithCluster('InterPodAffinity-matchLabelKeys-stored');
    expect(results['new']).toMatchObject({ feasibleNodes: ['n2'], rejected: { n1: ["node(s) didn't satisfy existing pods anti-affinity rules"] } });
  });

  it('InterPodAffinity: a hand-written bound pod whose selector lacks its matchLabelKeys gets the merge its creation would have made', async () => {
    // upstream: pkg/registry/core/pod/strategy.go PrepareForCreate mutatePodAffinity (v1.35); validation refuses a
    // matchLabelKeys key the labelSelector already has at creation, so a stored pod always has the merged requirement
    const { results } = await fixtureWithCluster('InterPodAffinity-matchLabelKeys-hand-written');
    expect(results['new']).toMatchObject({ feasibleNodes: ['n1', 'n2'] });
  });

  it('SchedulingGates: a gated pod is placed as it will be once its gates are removed, with a note that it waits first', async () => {
    const { results, findings } = await fixture('SchedulingGates');
    expect(results['queued']).toMatchObject({ feasibleNodes: ['worker'], message: null, placement: { nodes: { worker: 1 }, unschedulable: 0 } });
    expect(findings.filter((f) => f.ruleId === 'scheduling-gated').map((f) => [f.object?.name, f.line, f.column, f.path, f.message])).toEqual([
      [
        'queued', 16, 9, 'spec.template.spec.schedulingGates',
        'waiting for scheduling gates: [example.com/quota example.com/gang]: kube-scheduler holds these pods (SchedulingGated) until the gates are removed; the dry-run places them as it will then',
      ],
    ]);
  });

  it('SchedulingGates: a gated pod takes no room from the pods without gates, tried first (they are the ones kube-scheduler tries now)', async () => {
    // upstream: schedulinggates/scheduling_gates.go PreEnqueue (v1.35): a gated pod never enters the active queue
    const { results } = await fixture('SchedulingGates-held');
    expect(results['web']).toMatchObject({ placement: { nodes: { worker: 1 }, unschedulable: 0 } });
    expect(results['queued']).toMatchObject({ feasibleNodes: ['worker'], placement: { nodes: {}, unschedulable: 1 } });
    expect(results['queued']?.placement.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\. /);
  });

  it('NodeResourcesFit: a bound pod being resized in place counts the largest of spec, status and allocated requests (only the latter two when Infeasible), from 1.33', async () => {
    // upstream: component-helpers/resource/helpers.go determineContainerReqs, framework calculateResource (UseStatusResources)
    const { results } = await fixture('NodeResourcesFit-resize');
    expect(results['worker']).toMatchObject({ feasibleNodes: ['stuck'], rejected: { shrinking: ['Insufficient cpu'] } });
    const before = await fit(['fixtures/schedule/NodeResourcesFit-resize'], { kubernetesVersion: '1.32' });
    expect(before.scheduling[0]).toMatchObject({ object: { name: 'worker' }, feasibleNodes: ['shrinking'], rejected: { stuck: ['Insufficient cpu'] } });
  });

  it("RuntimeClass: a pod naming a class gets the class's overhead, node selector and tolerations (the admission plugin)", async () => {
    // upstream: plugin/pkg/admission/runtimeclass/admission.go setOverhead, setScheduling
    const { results } = await fixture('RuntimeClass');
    expect(results['untrusted']).toMatchObject({
      feasibleNodes: ['sandbox'],
      rejected: { general: ["node(s) didn't match Pod's node affinity/selector"] },
      placement: { nodes: { sandbox: 2 }, unschedulable: 1 },
    });
    expect(results['kata']).toMatchObject({ feasibleNodes: ['general'], rejected: { sandbox: ['node(s) had untolerated taint(s)'] } });
  });

  it('DefaultTolerationSeconds: a created pod tolerates the not-ready and unreachable NoExecute taints it names no toleration for', async () => {
    // upstream: plugin/pkg/admission/defaulttolerationseconds/admission.go Admit
    const report = await fit(['fixtures/schedule/DefaultTolerationSeconds/workloads.yaml'], { cluster: ['fixtures/schedule/DefaultTolerationSeconds/cluster.yaml'] });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['web']?.placement).toMatchObject({
      nodes: { 'not-ready': 1, unreachable: 1 },
      unschedulable: 1,
      rejected: { 'not-ready': ['Insufficient cpu'], unreachable: ['Insufficient cpu'], 'unreachable-both': ['node(s) had untolerated taint(s)'] },
      hints: { 'unreachable-both': 'add toleration node.kubernetes.io/unreachable:NoSchedule' },
    });
    // its not-ready toleration for another value is enough for the plugin to add none for not-ready
    expect(results['picky']?.placement).toEqual({ nodes: { unreachable: 1 }, unschedulable: 0, message: null });
  });

  it('a Node or bound Pod the cluster holds twice counts once (the first copy), and each other copy is reported where it is', async () => {
    // upstream: pkg/scheduler/backend/cache/cache.go AddNode and AddPod keep one entry per node name and pod key
    const dir = 'fixtures/schedule/duplicate-cluster-objects';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/monday.yaml`, `${dir}/tuesday.yaml`] });
    expect(report.findings.filter((f) => f.ruleId === 'duplicate-cluster-object').map((f) => [f.file, f.line, f.column, f.severity, f.message])).toEqual([
      [`${dir}/tuesday.yaml`, 3, 18, 'warning', `Node node-1 is already in the cluster (${dir}/monday.yaml:5:18): the scheduling dry-run ignores this copy`],
      [`${dir}/tuesday.yaml`, 8, 18, 'warning', `Pod default/batch is already in the cluster (${dir}/monday.yaml:10:18): the scheduling dry-run ignores this copy`],
    ]);
    expect(report.scheduling[0]?.placement).toMatchObject({ nodes: { 'node-1': 1 }, unschedulable: 1, rejected: { 'node-1': ['Insufficient cpu'] } });
  });

  it('a workload the inputs define twice is placed once, as the last copy kubectl apply leaves, and the other copy is reported', async () => {
    // the API server keeps one object per kind, namespace and name (kubectl apply of the second copy patches the first)
    const dir = 'fixtures/schedule/duplicate-workload';
    const report = await fit([`${dir}/web-v1.yaml`, `${dir}/web-v2.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    expect(report.scheduling.map((r) => [r.file, r.placement])).toEqual([[`${dir}/web-v2.yaml`, { nodes: { 'node-1': 2 }, unschedulable: 0, message: null }]]);
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity, f.message])).toEqual([
      ['duplicate-workload', `${dir}/web-v1.yaml`, 5, 9, 'warning', `Deployment default/web is defined again at ${dir}/web-v2.yaml:6:9, the copy kubectl apply leaves: the scheduling dry-run places that one, not this one`],
    ]);
  });

  it('a pending Pod of the snapshot that an input Pod checks is placed once, as the input has it', async () => {
    const dir = 'fixtures/schedule/duplicate-workload/pending';
    const report = await fit([`${dir}/pod.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    expect(report.scheduling.map((r) => [r.file, r.placement])).toEqual([[`${dir}/pod.yaml`, { nodes: { 'node-1': 1 }, unschedulable: 0, message: null }]]);
    expect(report.findings).toEqual([]);
  });

  it('an input Pod takes the place of the running pod of its namespace and name (a pod spec is not changed in place)', async () => {
    const dir = 'fixtures/schedule/duplicate-workload';
    const report = await fit([`${dir}/pending/pod.yaml`], { cluster: [`${dir}/running/cluster.yaml`] });
    expect(report.scheduling.map((r) => [r.file, r.placement])).toEqual([[`${dir}/pending/pod.yaml`, { nodes: { 'node-1': 1 }, unschedulable: 0, message: null }]]);
  });

  it.each(['apart/shop', 'apart-namespaced/case-a'])('copies of a workload in sibling folders (%s and its sibling) are applied apart and placed each, with or without a declared namespace', async (first) => {
    // copies count as one object only when their files share a directory tree (model/apply-namespace.ts sharesDirectoryTree):
    // a repository's separate projects and test cases, checked in one run, are not applied together
    const dir = 'fixtures/schedule/duplicate-workload';
    const second = first === 'apart/shop' ? 'apart/blog' : 'apart-namespaced/case-b';
    const report = await fit([`${dir}/${first}/web.yaml`, `${dir}/${second}/web.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    expect(report.scheduling.map((r) => [r.file, r.placement.unschedulable]).sort()).toEqual([[`${dir}/${first}/web.yaml`, 0], [`${dir}/${second}/web.yaml`, 0]].sort());
    expect(report.findings).toEqual([]);
  });

  it('a cluster Node or Pod without a name, or with a field the scheduler reads in the wrong shape, is reported there (the field treated as absent)', async () => {
    const dir = 'fixtures/schedule/malformed-cluster-objects';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    expect(report.findings.map((f) => [f.ruleId, f.line, f.column, f.path, f.message])).toEqual([
      ['malformed-cluster-object', 9, 77, 'metadata.labels.zone', 'metadata.labels.zone must be a string, got 1: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 10, 27, 'spec.unschedulable', 'spec.unschedulable must be a boolean, got "true": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 10, 43, 'spec.taints', 'spec.taints must be a list, got a mapping: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 14, 15, 'metadata.name', 'metadata.name is required'],
      ['malformed-cluster-object', 15, 27, 'status.allocatable', 'status.allocatable must be a mapping, got a list: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 18, 15, 'metadata.name', 'metadata.name is required'],
      ['malformed-cluster-object', 23, 43, 'spec.containers[0]', 'spec.containers[0] must be a mapping, got null: the scheduling dry-run treats it as absent'],
      // a pending pod's too: one whose nodeName is no string is not bound
      ['malformed-cluster-object', 28, 22, 'spec.nodeName', 'spec.nodeName must be a string, got 7: the scheduling dry-run treats it as absent'],
    ]);
    expect(report.scheduling.map((r) => [r.object.name, r.placement])).toEqual([
      ['web', { nodes: { 'node-a': 1 }, unschedulable: 0, message: null }],
      ['job-1', { nodes: { 'node-a': 1 }, unschedulable: 0, message: null }],
    ]);
  });

  it('the objects the scheduler consults beside Nodes and Pods are reported where a field it reads has a shape no API server returns; a PriorityClass without value has value 0', async () => {
    // upstream: pkg/apis/scheduling/types.go PriorityClass.Value (an int32, required by no validation:
    // validation.go ValidatePriorityClass); plugin/pkg/admission/priority/admission.go; preemption.go filterPodsWithPDBViolation
    const { results, findings } = await fixtureWithCluster('malformed-cluster-objects-kinds');
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.path, f.message])).toEqual([
      ['malformed-cluster-object', 17, 24, 'metadata.ownerReferences', 'metadata.ownerReferences must be a list, got a mapping: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 28, 25, 'metadata.ownerReferences[0]', 'metadata.ownerReferences[0] has no kind: the scheduling dry-run treats the reference as absent'],
      ['malformed-cluster-object', 42, 12, 'value', 'value must be an integer, got "high": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 43, 20, 'globalDefault', 'globalDefault must be a boolean, got "false": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 47, 53, 'spec.selector.matchLabels', 'spec.selector.matchLabels must be a mapping, got a list: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 48, 34, 'status.disruptionsAllowed', 'status.disruptionsAllowed must be an integer, got "1": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 52, 22, 'spec.selector', 'spec.selector must be a mapping, got "app=filler": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 56, 28, 'spec.attachRequired', 'spec.attachRequired must be a boolean, got "yes": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 60, 88, 'spec.pool.generation', 'spec.pool.generation must be an integer, got "1": the scheduling dry-run treats it as absent'],
      // in every entry of a list: the first bad one
      ['malformed-cluster-object', 65, 114, 'allowedTopologies[0].matchLabelExpressions[1].key', 'allowedTopologies[0].matchLabelExpressions[1].key must be a string, got 1: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 70, 15, 'capacity', 'capacity must be a quantity of at least 0, got "lots": the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 74, 72, 'spec.devices.requests[0].exactly.deviceClassName', 'spec.devices.requests[0].exactly.deviceClassName must be a string, got 7: the scheduling dry-run treats it as absent'],
      ['malformed-cluster-object', 78, 88, 'spec.taints[1].value', 'spec.taints[1].value must be a string, got 1: the scheduling dry-run treats it as absent'],
      // the class, not the pod that names it: its overhead would reach the pod with no position of its own
      ['malformed-cluster-object', 84, 46, 'overhead.podFixed.memory', 'overhead.podFixed.memory must be a quantity of at least 0, got "-64Mi": the scheduling dry-run treats the RuntimeClass as absent'],
      ['malformed-cluster-object', 91, 141, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey', 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey must be a string, got 5: the scheduling dry-run treats it as absent'],
    ]);
    // priority 0, not the globalDefault class's 1000: it may not preempt filler (500)
    expect(results['urgent']?.placement).toMatchObject({ nodes: {}, unschedulable: 1, message: expect.stringContaining('preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.') });
    expect(results['urgent']?.preemption).toBeNull();
    expect(results['sandboxed']?.placement).toEqual({ nodes: { 'node-1': 1 }, unschedulable: 0, message: null });
  });

  it("a snapshot's negative allocatable and requests, which the API server refuses, are reported and read as absent", async () => {
    // upstream: pkg/apis/core/validation/validation.go ValidateResourceQuantityValue, ValidateNonnegativeQuantity
    const { results, findings } = await fixtureWithCluster('negative-quantities');
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.path, f.message])).toEqual([
      ['invalid-quantity', 14, 33, 'status.allocatable.cpu', 'quantity "-4" must be greater than or equal to 0: the scheduling dry-run treats it as absent'],
      ['invalid-quantity', 27, 74, 'spec.containers[0].resources.requests.cpu', 'quantity "-3" must be greater than or equal to 0: the scheduling dry-run treats it as absent'],
      ['invalid-quantity', 27, 88, 'spec.containers[0].resources.requests.memory', 'quantity "-1Gi" must be greater than or equal to 0: the scheduling dry-run treats it as absent'],
    ]);
    expect(results['web']).toMatchObject({ feasibleNodes: [], rejected: { 'node-1': ['Insufficient cpu'], 'node-2': ['Insufficient cpu'] } });
  });

  it("a snapshot's pending pod being deleted is not scheduled and takes no room", async () => {
    // upstream: pkg/scheduler/schedule_one.go skipPodSchedule ("skip schedule deleting pod")
    const report = await fit([], { cluster: ['fixtures/schedule/pending-pod-deleted'] });
    expect(report.scheduling.map((r) => [r.object.name, r.placement])).toEqual([['web-new-q9m4d', { nodes: { 'node-1': 1 }, unschedulable: 0, message: null }]]);
  });

  it("LimitRanger: containers that neither request nor limit a resource get their namespace's default request", async () => {
    // upstream: plugin/pkg/admission/limitranger/admission.go defaultContainerResourceRequirements, mergeContainerResources
    const report = await fit(['fixtures/schedule/LimitRanger']);
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['api']?.placement).toMatchObject({ nodes: { small: 2 }, unschedulable: 1 });
    expect(results['limited']?.placement).toMatchObject({ nodes: { small: 1 }, unschedulable: 0 });
    // 2 x (1 cpu, 1Gi) for api, 100m and the 1Gi default for limited, nothing for the pod of a namespace without LimitRange
    expect(report.nodes).toEqual([{ name: 'small', allocatable: { cpu: 2500, memory: 8 * 2 ** 30, pods: 110 }, bound: { pods: 0 }, placed: { cpu: 2100, memory: 3 * 2 ** 30, pods: 4 } }]);
  });

  it('RuntimeClass: a pod that names a class is not placed as the pod alike but for it was (the class changes what the filters read)', async () => {
    // upstream: plugin/pkg/admission/runtimeclass/admission.go setScheduling; kube-scheduler runs each pod's own PreFilter
    const { results } = await fixture('RuntimeClass-twin-pods');
    expect(results['plain']).toMatchObject({ feasibleNodes: ['general'], placement: { nodes: { general: 1 }, unschedulable: 0 } });
    expect(results['sandboxed']).toMatchObject({ feasibleNodes: ['sandbox'], placement: { nodes: { sandbox: 1 }, unschedulable: 0 } });
  });

  it("RuntimeClass: a pod's own overhead must equal its class's as quantities, else the plugin refuses it (left as written)", async () => {
    const { results } = await fixture('RuntimeClass-overhead');
    expect(results['same-overhead']).toMatchObject({ feasibleNodes: ['kata-node'] });
    expect(results['other-overhead']).toMatchObject({ feasibleNodes: ['kata-node', 'plain'] });
  });

  it("RuntimeClass and DaemonSet: the controller decides on the template as written, so the pod it makes for a node outside the class's pool stays Pending", async () => {
    const { results } = await fixture('RuntimeClass-DaemonSet');
    expect(results['agent']).toMatchObject({
      replicas: 2,
      placement: {
        nodes: { sandbox: 1 },
        unschedulable: 1,
        message: "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
      },
    });
  });

  it('admission inputs the API server would refuse (RuntimeClass, LimitRange) change nothing and blame no pod; a status quantity is reported where it is', async () => {
    const { results, findings } = await fixture('admission-invalid');
    expect(findings.map((f) => [f.ruleId, f.object?.name, f.path])).toEqual([['invalid-quantity', 'p3', 'status.containerStatuses[0].resources.requests.cpu']]);
    expect(results['p1']).toMatchObject({ rejected: { 'node-1': ["node(s) didn't match Pod's node affinity/selector"] } });
    expect(results['p2']).toMatchObject({ feasibleNodes: ['node-1'] });
    // the bound p3 counts its spec (no requests): its status reports no usable resources
    expect(Object.keys(results)).toEqual(['p1', 'p2']);
  });

  it("Job: the pods carry the job-name labels the Job API adds to the template (anti-affinity on job-name keeps them apart); at most completions run at once; a suspended Job is placed as it will run, with a note", async () => {
    // upstream: pkg/registry/batch/job/strategy.go generateSelector
    const { results, findings } = await fixture('Job-labels');
    expect(results['shard']).toMatchObject({
      replicas: 3,
      placement: { nodes: { 'node-a': 1, 'node-b': 1 }, unschedulable: 1, rejected: { 'node-a': ["node(s) didn't match pod anti-affinity rules"], 'node-b': ["node(s) didn't match pod anti-affinity rules"] } },
    });
    // upstream: pkg/controller/job job_controller.go wantActive = min(parallelism, completions - succeeded)
    expect(results['once']).toMatchObject({ replicas: 1, placement: { unschedulable: 0 } });
    expect(results['queued']).toMatchObject({ replicas: 1, placement: { unschedulable: 0 } });
    expect(findings.map((f) => [f.ruleId, f.object?.name, f.path, f.message.split(':')[0]])).toEqual([
      ['job-suspended', 'queued', 'spec.suspend', 'Job suspended'],
      ['job-suspended', 'nightly', 'spec.suspend', 'the CronJob is suspended'],
    ]);
  });

  it('Job: a suspended Job takes no room from the pods after it, which the controllers create now (its pods are tried after them)', async () => {
    // upstream: pkg/controller/job job_controller.go: a suspended Job has no active pods (wantActive 0)
    const { results } = await fixture('Job-suspended-held');
    expect(results['web']).toMatchObject({ placement: { nodes: { worker: 1 }, unschedulable: 0 } });
    expect(results['queued']).toMatchObject({ feasibleNodes: ['worker'], placement: { nodes: {}, unschedulable: 1 } });
  });

  it('Deployment: a new paused Deployment takes no room from the pods after it (no ReplicaSet until resumed), and says so', async () => {
    // upstream: pkg/controller/deployment/deployment_controller.go syncDeployment (paused: sync, createIfNotExisted false)
    const { results, findings } = await fixture('Deployment-paused-held');
    expect(results['batch']).toMatchObject({ placement: { nodes: { worker: 1 }, unschedulable: 0 } });
    expect(results['paused']).toMatchObject({ feasibleNodes: ['worker'], placement: { nodes: {}, unschedulable: 1 } });
    expect(findings.filter((finding) => finding.ruleId === 'deployment-paused').map((finding) => `${finding.line}:${finding.column} ${finding.severity}`)).toEqual(['13:11 info']);
  });

  it('TaintToleration: NoSchedule filters, PreferNoSchedule does not', async () => {
    const { results } = await fixture('TaintToleration');
    expect(results['plain']).toMatchObject({
      line: 16,
      feasibleNodes: ['spot'],
      rejected: { gpu: ['node(s) had untolerated taint(s)'] },
      placement: { nodes: { spot: 2 }, unschedulable: 0 },
    });
    expect(results['train']).toMatchObject({ feasibleNodes: ['gpu'], rejected: { spot: ["node(s) didn't match Pod's node affinity/selector"] } });
  });

  it('NodeAffinity: nodeSelector and a Gt expression', async () => {
    const { results } = await fixture('NodeAffinity');
    expect(results['db']).toMatchObject({
      line: 12,
      feasibleNodes: [],
      message: "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    });
    expect(results['compute']).toMatchObject({ feasibleNodes: ['large'], rejected: { small: ["node(s) didn't match Pod's node affinity/selector"] } });
  });

  it('NodePorts: a running pod holds the port, and replicas take it from each other', async () => {
    const { results } = await fixture('NodePorts');
    expect(results['ingress']).toMatchObject({
      feasibleNodes: ['b'],
      rejected: { a: ["node(s) didn't have free ports for the requested pod ports"] },
      placement: {
        nodes: { b: 1 },
        unschedulable: 1,
        message: "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      },
    });
  });

  it('NodePorts: a host-network pod whose hostPort is 0 takes its containerPort on the node (API defaulting)', async () => {
    const { results } = await fixture('NodePorts-host-network');
    expect(results['exporter']?.placement).toMatchObject({ nodes: { only: 1 }, unschedulable: 1 });
  });

  it('NodeResourcesFit: extended resources, requests from limits, a malformed quantity', async () => {
    const { results, findings } = await fixture('NodeResourcesFit');
    expect(results['inference']).toMatchObject({
      feasibleNodes: ['gpu-node'],
      rejected: { 'cpu-node': ['Insufficient nvidia.com/gpu'] },
      placement: { nodes: { 'gpu-node': 1 }, unschedulable: 1, message: '0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.' },
    });
    expect(results['typo']).toMatchObject({ feasibleNodes: ['cpu-node', 'gpu-node'] });
    expect(findings.filter((f) => f.ruleId === 'invalid-quantity').map((f) => [f.file, f.line, f.column, f.path])).toEqual([
      ['fixtures/schedule/NodeResourcesFit/resources.yaml', 40, 29, 'spec.template.spec.containers[0].resources.requests.cpu'],
    ]);
  });

  it('PodTopologySpread: missing label, then skew as replicas land', async () => {
    const { results } = await fixture('PodTopologySpread');
    expect(results['web']).toMatchObject({
      feasibleNodes: ['a1', 'b1'],
      rejected: { unlabelled: ["node(s) didn't match pod topology spread constraints (missing required label)"] },
      placement: {
        nodes: { a1: 2, b1: 1 },
        unschedulable: 1,
        message:
          "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label). no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
      },
    });
  });

  it('InterPodAffinity: three replicas with hostname anti-affinity on two nodes', async () => {
    const { results } = await fixture('InterPodAffinity');
    expect(results['cache']).toMatchObject({
      feasibleNodes: ['node-1', 'node-2'],
      placement: { nodes: { 'node-1': 1, 'node-2': 1 }, unschedulable: 1, message: "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod." },
    });
  });

  it('DaemonSet: each daemon pod that fits nowhere is reported by its own node\'s verdict, not by the first one\'s view of every node', async () => {
    // upstream: daemon/daemon_controller.go creates one pod per node, pinned by nodeAffinity matchFields (util.ReplaceDaemonSetPodNodeNameNodeAffinity)
    const { results } = await fixture('DaemonSet-unplaced');
    expect(results['agent']?.placement).toEqual({
      nodes: { d: 1 },
      unschedulable: 3,
      message: "0/4 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
      rejected: { a: ['Insufficient cpu', 'Insufficient memory'], b: ['Insufficient memory'], c: ['Insufficient cpu'] },
      hints: { a: 'reduce the cpu request to <= 1; reduce the memory request to <= 1Gi', b: 'reduce the memory request to <= 1Gi', c: 'reduce the cpu request to <= 1' },
    });
  });

  it('DaemonSet: runs on the cordoned node, not on the tainted one, and reports the node it does not fit', async () => {
    const { results } = await fixture('DaemonSet');
    expect(results['agent']).toMatchObject({
      replicas: 3,
      feasibleNodes: ['cordoned', 'worker'],
      rejected: { 'control-plane': ['node(s) had untolerated taint(s)'], tiny: ['Insufficient cpu'] },
      message: null,
      placement: {
        nodes: { cordoned: 1, worker: 1 },
        unschedulable: 1,
        message: "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
      },
    });
  });
});
