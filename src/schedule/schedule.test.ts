import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { scheduleWorkloads, type ScheduleOptions } from './schedule.js';
import { objectsFromYaml } from './test-support.js';

const OPTIONS: ScheduleOptions = { kubernetesVersion: undefined, drain: [] };

function run(yaml: string, options: Partial<ScheduleOptions> = {}) {
  const objects = objectsFromYaml(yaml);
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && !(w.kind === 'Pod' && w.object.value['status']));
  return scheduleWorkloads(workloads, toClusterSnapshot(objects), { ...OPTIONS, ...options });
}

const node = (name: string, extra = '', allocatable = '{cpu: "2", memory: 4Gi, pods: "110"}') => `
apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {zone: z-${name}, kubernetes.io/hostname: ${name}}}
${extra}
status:
  allocatable: ${allocatable}
---`;

const deployment = (name: string, replicas: number, podSpec: string, extra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${podSpec}
${extra}
---`;

const daemonSet = (podSpec: string) => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${podSpec}
---`;

const cpu = (amount: string) => `      containers:
        - name: c
          resources: {requests: {cpu: "${amount}"}}`;

describe('scheduleWorkloads: placement', () => {
  it('places three replicas with hostname anti-affinity on two nodes and leaves one unschedulable', () => {
    const spec = `${cpu('100m')}
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: web}}
              topologyKey: kubernetes.io/hostname`;
    const [result] = run(node('a') + node('b') + deployment('web', 3, spec)).results;
    expect(result?.feasibleNodes).toEqual(['a', 'b']);
    expect(result?.message).toBeNull();
    expect(result?.placement).toEqual({
      nodes: { a: 1, b: 1 },
      unschedulable: 1,
      message: "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      rejected: { a: ["node(s) didn't match pod anti-affinity rules"], b: ["node(s) didn't match pod anti-affinity rules"] },
    });
  });

  it('over-subscription: replicas consume cpu until none fits', () => {
    const [result] = run(node('a') + node('b') + deployment('api', 5, cpu('900m'))).results;
    expect(result?.placement).toEqual({
      nodes: { a: 2, b: 2 },
      unschedulable: 1,
      message: '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      rejected: { a: ['Insufficient cpu'], b: ['Insufficient cpu'] },
      hints: { a: 'reduce the cpu request to <= 200m', b: 'reduce the cpu request to <= 200m' },
    });
  });

  it('places higher priority first, then input order', () => {
    const yaml = `${node('a')}
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---${deployment('low', 1, cpu('1500m'))}${deployment('high', 1, `${cpu('1500m')}\n      priorityClassName: high`)}`;
    const results = run(yaml).results;
    expect(results.map((r) => [r.object.name, r.placement.unschedulable])).toEqual([['low', 1], ['high', 0]]);
    expect(results[0]?.placement.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  });

  it('knows the system PriorityClasses every API server creates, without their objects in the inputs', () => {
    const yaml = `${node('a')}${deployment('low', 1, cpu('1500m'))}${deployment('dns', 1, `${cpu('1500m')}\n      priorityClassName: system-cluster-critical`)}`;
    const results = run(yaml).results;
    expect(results.map((r) => [r.object.name, r.placement.unschedulable])).toEqual([['low', 1], ['dns', 0]]);
  });

  it('spreads identical replicas over identical nodes (LeastAllocated), ties broken by node name', () => {
    const [result] = run(node('c') + node('a') + node('b') + deployment('web', 4, cpu('100m'))).results;
    expect(result?.placement.nodes).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('counts bound pods from the cluster: their requests, and their labels for anti-affinity', () => {
    const bound = `
apiVersion: v1
kind: Pod
metadata: {name: running, labels: {app: web}}
spec:
  nodeName: a
  containers: [{name: c, resources: {requests: {cpu: "1500m"}}}]
status: {phase: Running}
---`;
    const [result] = run(node('a') + node('b') + bound + deployment('api', 1, cpu('1'))).results;
    expect(result?.feasibleNodes).toEqual(['b']);
    expect(result?.rejected).toEqual({ a: ['Insufficient cpu'] });
  });

  it('reads replicas the API server refuses (past int32) as the default 1, as it reads a negative or a string one', () => {
    const spec = `      containers:
        - name: c
          resources: {requests: {cpu: 100m}}`;
    const results = run(node('a') + deployment('past', '99999999999999999999' as unknown as number, spec) + deployment('int32', 2147483647, spec)).results;
    expect(results.map((result) => [result.replicas, result.placement.unschedulable])).toEqual([[1, 0], [2147483647, 2147483628]]);
  });

  it('stops once it placed its most pods: the replicas left, later workloads\' too, are untried', () => {
    const yaml = `${node('a')}${node('b')}${deployment('first', 2, cpu('100m'))}${deployment('big', 4, cpu('100m'))}${deployment('after', 2, cpu('100m'))}`;
    const { results, findings } = run(yaml, { maxPlacedPods: 5 });
    const untried = 'not tried: the dry-run places at most 5 pods in one run';
    expect(results.map((r) => [r.object.name, r.placement.unschedulable, r.placement.message])).toEqual([
      ['first', 0, null],
      ['big', 1, untried],
      ['after', 2, untried],
    ]);
    expect(results[1]?.placement.nodes).toEqual({ a: 2, b: 1 });
    expect(results[1]?.placement.rejected).toBeUndefined();
    expect(findings.map((f) => [f.ruleId, f.object?.name, f.message])).toEqual([
      ['placement-stopped', 'big', 'the dry-run stopped after placing 5 pods, the most it places in one run: the replicas of this workload it had not placed by then, and those of every workload queued after it, were not tried and count as unschedulable'],
    ]);
    // below the ceiling nothing changes
    expect(run(yaml, { maxPlacedPods: 8 }).findings).toEqual([]);
  });
});

describe('scheduleWorkloads: feasibility', () => {
  it('reports every rejected node with the reasons of the first failing plugin and the aggregated message', () => {
    const nodes =
      node('cordoned', 'spec: {unschedulable: true}') +
      node('tainted', 'spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}') +
      node('small', '', '{cpu: "1", memory: 1Gi, pods: "110"}') +
      node('full', '', '{cpu: "4", memory: 1Gi, pods: "0"}');
    const spec = `      containers:
        - name: c
          resources: {limits: {cpu: "2", memory: 2Gi, nvidia.com/gpu: "1"}}`;
    const [result] = run(nodes + deployment('trainer', 1, spec)).results;
    expect(result?.feasibleNodes).toEqual([]);
    expect(result?.rejected).toEqual({
      cordoned: ['node(s) were unschedulable'],
      full: ['Too many pods', 'Insufficient memory', 'Insufficient nvidia.com/gpu'],
      small: ['Insufficient cpu', 'Insufficient memory', 'Insufficient nvidia.com/gpu'],
      tainted: ['node(s) had untolerated taint(s)'],
    });
    expect(result?.message).toBe(
      '0/4 nodes are available: 1 Insufficient cpu, 1 Too many pods, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable, 2 Insufficient memory, 2 Insufficient nvidia.com/gpu.' +
        ' no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expect(result?.hints).toEqual({
      cordoned: 'the node is cordoned: uncordon it, or tolerate node.kubernetes.io/unschedulable:NoSchedule',
      full: 'the node admits no pods (status.allocatable.pods is 0 or absent); reduce the memory request to <= 1Gi; the node has no nvidia.com/gpu left (0 allocatable)',
      small: 'reduce the cpu request to <= 1; reduce the memory request to <= 1Gi; the node has no nvidia.com/gpu left (0 allocatable)',
      tainted: 'add toleration dedicated=gpu:NoSchedule',
    });
  });

  it('leaves hints out where no node has one, at the top as in placement (no empty "hints": {})', () => {
    const spec = `      containers:
        - name: c
          resources: {requests: {cpu: "1"}}`;
    const [result] = run(node('a') + node('b') + deployment('web', 5, spec)).results;
    expect(result?.feasibleNodes).toEqual(['a', 'b']);
    expect(result).not.toHaveProperty('hints');
    expect(result?.placement.hints).toEqual({ a: 'the node has no cpu left (2 allocatable)', b: 'the node has no cpu left (2 allocatable)' });
  });

  it('hints only a change that admits the node: every untolerated taint, and none where node affinity rejects the node next', () => {
    const tainted = (name: string, zone: string, spec: string) => `
apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {zone: ${zone}}}
spec: ${spec}
status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
---`;
    const gpu = '{key: dedicated, value: gpu, effect: NoSchedule}';
    const nodes =
      tainted('elsewhere', 'a', `{taints: [${gpu}]}`) +
      tainted('shared', 'b', `{taints: [${gpu}, {key: maintenance, effect: NoExecute}, {key: spot, effect: PreferNoSchedule}]}`) +
      tainted('cordoned', 'b', `{unschedulable: true, taints: [${gpu}]}`);
    const spec = `      nodeSelector: {zone: b}
      containers: [{name: c}]`;
    const [result] = run(nodes + deployment('web', 1, spec)).results;
    expect(result?.rejected).toEqual({
      cordoned: ['node(s) were unschedulable'],
      elsewhere: ['node(s) had untolerated taint(s)'],
      shared: ['node(s) had untolerated taint(s)'],
    });
    expect(result?.hints).toEqual({ shared: 'add tolerations dedicated=gpu:NoSchedule, maintenance:NoExecute' });
  });

  it('uses the older taint wording for kubernetesVersion 1.34', () => {
    const yaml = node('t', 'spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}') + deployment('web', 1, cpu('1'));
    expect(run(yaml, { kubernetesVersion: '1.34' }).results[0]?.message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('reads the taints, not the conditions: a NotReady node written without taints is feasible, as for kube-scheduler', () => {
    const yaml = node('node-n', '', '{cpu: "2", memory: 4Gi, pods: "110"}\n  conditions: [{type: Ready, status: "False"}]') + deployment('web', 1, cpu('1'));
    expect(run(yaml).results[0]?.feasibleNodes).toEqual(['node-n']);
  });

  it('evaluates a hand-written Pod with a nodeName against that node only', () => {
    const pod = `
apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec: {nodeName: b, containers: [{name: c}]}`;
    const [result] = run(node('a') + node('b') + pod).results;
    expect(result?.feasibleNodes).toEqual(['b']);
    expect(result?.rejected).toEqual({ a: ["node(s) didn't match the requested node name"] });
  });

  it('reports a malformed quantity at its position and schedules as if it were absent', () => {
    const { results, findings } = run(node('a') + deployment('web', 1, cpu('2 cores')));
    expect(results[0]?.feasibleNodes).toEqual(['a']);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.path, f.message])).toEqual([
      ['invalid-quantity', 20, 39, 'spec.template.spec.containers[0].resources.requests.cpu', 'invalid quantity "2 cores": the scheduling dry-run treats it as absent'],
    ]);
  });

  it('says so when there are no nodes at all', () => {
    expect(run(deployment('web', 1, cpu('1'))).results[0]?.message).toBe('no nodes available to schedule pods');
  });
});

describe('scheduleWorkloads: DaemonSets', () => {

  it('runs on cordoned nodes (the controller adds the unschedulable toleration) and skips tainted ones', () => {
    const nodes =
      node('cordoned', 'spec: {unschedulable: true}') +
      node('tainted', 'spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}') +
      node('worker') +
      node('pressure', '', '{cpu: "2", memory: 4Gi, pods: "110"}\n  conditions: [{type: MemoryPressure, status: "True"}]');
    const [result] = run(nodes + daemonSet(cpu('100m'))).results;
    expect(result?.replicas).toBe(3);
    expect(result?.feasibleNodes).toEqual(['cordoned', 'pressure', 'worker']);
    expect(result?.rejected).toEqual({ tainted: ['node(s) had untolerated taint(s)'] });
    expect(result?.placement).toEqual({ nodes: { cordoned: 1, pressure: 1, worker: 1 }, unschedulable: 0, message: null });
  });

  it('reports the daemon pod that does not fit its node with the NodeAffinity narrowing in the message', () => {
    const nodes = node('a') + node('b') + node('c', '', '{cpu: "100m", memory: 4Gi, pods: "110"}');
    const [result] = run(nodes + daemonSet(cpu('500m'))).results;
    expect(result?.rejected).toEqual({ c: ['Insufficient cpu'] });
    expect(result?.placement).toEqual({
      nodes: { a: 1, b: 1 },
      unschedulable: 1,
      message: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      // the pod pinned to c, by c's verdict: a and b run daemon pods of their own
      rejected: { c: ['Insufficient cpu'] },
      hints: { c: 'reduce the cpu request to <= 100m' },
    });
  });

  it("honours the template's nodeSelector as the controller does", () => {
    const spec = `${cpu('100m')}\n      nodeSelector: {zone: z-b}`;
    const [result] = run(node('a') + node('b') + daemonSet(spec)).results;
    expect(result?.feasibleNodes).toEqual(['b']);
    expect(result?.rejected).toEqual({ a: ["node(s) didn't match Pod's node affinity/selector"] });
  });
});

describe('scheduleWorkloads: drain', () => {
  const bound = (name: string, nodeName: string, extra = '') => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}${extra}}
spec:
  nodeName: ${nodeName}
  containers: [{name: c, resources: {requests: {cpu: "1"}}}]
status: {phase: Running}
---`;

  it('re-places the pods of a drained node, leaving DaemonSet pods behind, and reports what no longer fits', () => {
    const daemon = ', ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: "1"}]';
    const yaml = node('a') + node('b') + bound('on-b', 'b') + bound('one', 'a') + bound('two', 'a') + bound('agent-x', 'a', daemon);
    const { results } = run(yaml, { drain: ['a'] });
    expect(results.map((r) => [r.object.name, r.drainedFrom, r.placement.nodes, r.placement.unschedulable, r.placement.message])).toEqual([
      ['one', 'a', { b: 1 }, 0, null],
      ['two', 'a', {}, 1, '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
    ]);
  });
});

// upstream: schedule_one_test.go TestFindNodesThatFitPod / framework/types_test.go TestFitError (v1.35), end to end.
describe('scheduleWorkloads: upstream edge cases of findNodesThatFitPod and FitError', () => {
  const nameTerms = (...names: string[][]) => `${cpu('100m')}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
${names.map((values) => `              - matchFields: [{key: metadata.name, operator: In, values: [${values.join(', ')}]}]`).join('\n')}`;

  it('a PreFilter rejection gives every node its status (SetAbsentNodesStatus)', () => {
    const spec = `${cpu('100m')}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchFields: [{key: metadata.name, operator: In, values: [a]}, {key: metadata.name, operator: In, values: [b]}]`;
    const [result] = run(node('a') + node('b') + deployment('web', 2, spec)).results;
    expect(result?.feasibleNodes).toEqual([]);
    expect(result?.rejected).toEqual({ a: ['pod affinity terms conflict'], b: ['pod affinity terms conflict'] });
    const message = '0/2 nodes are available: pod affinity terms conflict. not found';
    expect(result?.message).toBe(message);
    expect(result?.placement).toMatchObject({ nodes: {}, unschedulable: 2, message });
  });

  it('nodes outside the PreFilter node names are counted only when some exist (NodeToStatus.Len() < NumAllNodes)', () => {
    const small = '{cpu: "50m", memory: 4Gi, pods: "110"}';
    const [all] = run(node('a', '', small) + node('b', '', small) + deployment('web', 1, nameTerms(['a'], ['b']))).results;
    expect(all?.message).toBe('0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    const [some] = run(node('a', '', small) + node('b', '', small) + deployment('web', 1, nameTerms(['a']))).results;
    expect(some?.message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('before 1.31 the nodes outside the PreFilter node names are absent from NodeToStatusMap: the FitError leaves them out', () => {
    // upstream: schedule_one.go findNodesThatFitPod with kubernetes#125197 (backported to 1.27.15, 1.28.11, 1.29.6,
    // 1.30.2); framework/types.go FitError.Error counts NodeToStatusMap alone before #126022 (v1.31); preemption's
    // nodesWherePreemptionMightHelp reads an absent node as UnschedulableAndUnresolvable
    const small = '{cpu: "50m", memory: 4Gi, pods: "110"}';
    const [some] = run(node('a', '', small) + node('b', '', small) + deployment('web', 1, nameTerms(['a'])), { kubernetesVersion: '1.30' }).results;
    expect(some?.message).toBe(
      // Before 1.34 Insufficient cpu is Unschedulable even when the node is too small: a potential node.
      '0/2 nodes are available: 1 Insufficient cpu. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
    // the node's own line keeps the wording #119779 gave such nodes (1.29.0 to 1.29.5)
    expect(some?.rejected).toEqual({ a: ['Insufficient cpu'], b: ['node is filtered out by the prefilter result'] });
  });

  it('a DaemonSet pod on a one-node cluster gets no "0 node(s)" entry', () => {
    const [result] = run(node('a') + daemonSet(cpu('3'))).results;
    const message = '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    expect(result?.message).toBe(message);
    expect(result?.placement.message).toBe(message);
  });

  it('a term that cannot be parsed never matches, and stops the matchFields narrowing', () => {
    const spec = `${cpu('100m')}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchFields: [{key: metadata.name, operator: In, values: [a]}]
              - matchExpressions: [{key: zone, operator: Gt, values: [not-a-number]}]`;
    const [result] = run(node('a') + node('b') + deployment('web', 1, spec)).results;
    expect(result?.feasibleNodes).toEqual(['a']);
    expect(result?.rejected).toEqual({ b: ["node(s) didn't match Pod's node affinity/selector"] });
  });

  it('a node without a kubernetes.io/hostname label has none: hostname anti-affinity cannot be violated there', () => {
    const bare = (name: string) => `
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status:
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
---`;
    const anti = `${cpu('100m')}
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: web}}
              topologyKey: kubernetes.io/hostname`;
    const [placed] = run(bare('a') + deployment('web', 3, anti)).results;
    expect(placed?.placement).toEqual({ nodes: { a: 3 }, unschedulable: 0, message: null });
    const spread = `${cpu('100m')}
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}`;
    const [missing] = run(bare('a') + deployment('web', 1, spread)).results;
    expect(missing?.rejected).toEqual({ a: ["node(s) didn't match pod topology spread constraints (missing required label)"] });
  });

  it('a namespace holding pods is selected by its kubernetes.io/metadata.name label without a Namespace object', () => {
    const boundIn = (namespace: string, name: string, nodeName: string, labels: string, affinity = '') => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}
spec:
  nodeName: ${nodeName}
  containers: [{name: c}]${affinity}
status: {phase: Running}
---`;
    const near = `${cpu('100m')}
      affinity:
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: db}}
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
              topologyKey: kubernetes.io/hostname`;
    const [together] = run(node('a') + node('b') + boundIn('data', 'db-0', 'b', '{app: db}') + deployment('web', 1, near)).results;
    expect(together?.feasibleNodes).toEqual(['b']);
    // An existing pod's anti-affinity selects the incoming pod's namespace (default) by its name label.
    const repel = `
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector: {matchLabels: {app: api}}
          namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}
          topologyKey: kubernetes.io/hostname`;
    const [apart] = run(node('a') + node('b') + boundIn('ops', 'guard', 'a', '{app: guard}', repel) + deployment('api', 1, cpu('100m'))).results;
    expect(apart?.rejected).toEqual({ a: ["node(s) didn't satisfy existing pods anti-affinity rules"] });
  });
});

// upstream: podtopologyspread/plugin.go buildDefaultConstraints, helper/spread.go DefaultSelector (v1.35)
describe('scheduleWorkloads: system default spreading', () => {
  const big = node('big', '', '{cpu: "64", memory: 256Gi, pods: "110"}');
  const small = node('small', '', '{cpu: "4", memory: 16Gi, pods: "110"}');
  const job = `
apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  parallelism: 2
  template:
    metadata: {labels: {app: batch}}
    spec:
      restartPolicy: Never
${cpu('100m')}
---`;
  const service = (selector: string) => `
apiVersion: v1
kind: Service
metadata: {name: svc}
spec: {selector: ${selector}}
---`;

  it('a Deployment (owned by a ReplicaSet) gets hostname/zone ScheduleAnyway spreading: two replicas split', () => {
    const [result] = run(big + small + deployment('web', 2, cpu('100m'))).results;
    expect(result?.placement.nodes).toEqual({ big: 1, small: 1 });
  });

  it('a Job without a Service selecting its pods has no default constraints: both pods take the emptier node', () => {
    expect(run(big + small + job).results[0]?.placement.nodes).toEqual({ big: 2 });
  });

  it("a Service selecting the Job's pods gives them the default constraints", () => {
    expect(run(big + small + service('{app: batch}') + job).results[0]?.placement.nodes).toEqual({ big: 1, small: 1 });
    expect(run(big + small + service('{app: other}') + job).results[0]?.placement.nodes).toEqual({ big: 2 });
  });

  it('own topologySpreadConstraints replace the defaults', () => {
    const spec = `${cpu('100m')}
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}`;
    expect(run(node('big', '', '{cpu: "64", memory: 256Gi, pods: "110"}') + deployment('web', 2, spec)).results[0]?.placement.nodes).toEqual({ big: 2 });
  });
});

// The Deployment controller labels the pods of the ReplicaSet it creates with pod-template-hash (pkg/controller/deployment
// sync.go getNewReplicaSet), which the documentation suggests as matchLabelKeys to count only the pods of one revision.
describe('scheduleWorkloads: pod-template-hash of a Deployment\'s pods', () => {
  const oldRevision = (nodeName: string, i: number) => `
apiVersion: v1
kind: Pod
metadata: {name: web-old-${i}, labels: {app: web, pod-template-hash: 6d8f9c7b5}}
spec: {nodeName: ${nodeName}, containers: [{name: c}]}
status: {phase: Running}
---`;
  const cluster = node('a') + node('b') + oldRevision('a', 0) + oldRevision('a', 1);
  const spreadSpec = (keys: string) => `${cpu('100m')}
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}${keys}}`;
  const antiAffinitySpec = (keys: string) => `${cpu('100m')}
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname${keys}}`;

  it('topologySpreadConstraints matchLabelKeys [pod-template-hash] counts only the new revision\'s pods', () => {
    expect(run(cluster + deployment('web', 2, spreadSpec(', matchLabelKeys: [pod-template-hash]'))).results[0]?.placement.nodes).toEqual({ a: 1, b: 1 });
    // without matchLabelKeys the old revision's two pods on a count: both new pods go to b
    expect(run(cluster + deployment('web', 2, spreadSpec(''))).results[0]?.placement.nodes).toEqual({ b: 2 });
  });

  it('pod anti-affinity matchLabelKeys [pod-template-hash] ignores the old revision, not the new one', () => {
    const placed = run(cluster + deployment('web', 3, antiAffinitySpec(', matchLabelKeys: [pod-template-hash]'))).results[0];
    expect(placed?.placement.nodes).toEqual({ a: 1, b: 1 });
    expect(run(cluster + deployment('web', 1, antiAffinitySpec(''))).results[0]?.placement.nodes).toEqual({ b: 1 });
  });
});

describe('scheduleWorkloads: results on large clusters', () => {
  const many = (count: number, prefix: string, extra = '') =>
    Array.from({ length: count }, (_, i) => node(`${prefix}${String(i).padStart(3, '0')}`, extra)).join('');
  const yaml = many(60, 'plain-') + many(41, 'tainted-', 'spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}') + deployment('web', 1, cpu('100m'));

  it('above 100 nodes groups nodes by identical verdicts: O(workloads x verdicts + nodes)', () => {
    const { results, nodeGroups } = run(yaml);
    expect(results[0]?.feasibleNodes).toBeUndefined();
    expect(results[0]?.rejected).toBeUndefined();
    expect(results[0]?.nodeVerdicts).toEqual([
      { nodeGroups: ['g0'], nodes: 60, reasons: null },
      { nodeGroups: ['g1'], nodes: 41, reasons: ['node(s) had untolerated taint(s)'], hint: 'add toleration dedicated=gpu:NoSchedule' },
    ]);
    expect(Object.keys(nodeGroups ?? {})).toEqual(['g0', 'g1']);
    expect(nodeGroups?.['g0']).toHaveLength(60);
    expect(nodeGroups?.['g1']?.[0]).toBe('tainted-000');
  });

  it('groups are the common refinement of every workload’s verdicts', () => {
    const pinned = deployment('pinned', 1, `${cpu('100m')}\n      nodeSelector: {zone: z-plain-000}`);
    const { results, nodeGroups } = run(yaml + pinned);
    expect(Object.keys(nodeGroups ?? {})).toEqual(['g0', 'g1', 'g2']);
    expect(nodeGroups?.['g0']).toEqual(['plain-000']);
    expect(results[0]?.nodeVerdicts?.[0]).toEqual({ nodeGroups: ['g0', 'g1'], nodes: 60, reasons: null });
    expect(results[1]?.nodeVerdicts?.map((v) => [v.nodeGroups, v.nodes])).toEqual([[['g0'], 1], [['g1'], 59], [['g2'], 41]]);
  });

  it('allNodes restores per-node detail', () => {
    const { results, nodeGroups } = run(yaml, { allNodes: true });
    expect(nodeGroups).toBeUndefined();
    expect(results[0]?.feasibleNodes).toHaveLength(60);
    expect(Object.keys(results[0]?.rejected ?? {})).toHaveLength(41);
  });
});
