import { describe, expect, it } from 'vitest';
import { fit } from '../src/index.js';
import { runCli } from './run-cli.js';

const DIR = 'fixtures/scheduler/profiles';
const ARGS = ['fit', `${DIR}/app.yaml`, '--cluster', `${DIR}/cluster.yaml`];

describe('kubefit fit --scheduler-config', () => {
  it('runs each workload with the profile its schedulerName names', async () => {
    const run = await runCli([...ARGS, '--scheduler-config', `${DIR}/scheduler-config.yaml`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "Scheduling: 2 workloads fully placed (details after the 1 finding below)

      fixtures/scheduler/profiles/app.yaml
        37:22  warning  schedulerName "my-scheduler" names no scheduler profile (profiles: default-scheduler, bin-packing, general-pool): the dry-run does not place these pods, which stay Pending unless a scheduler named "my-scheduler" runs in the cluster  no-scheduler-profile

      Scheduling
        Deployment default/packed  2 replicas, all placed  3/3 nodes feasible  fixtures/scheduler/profiles/app.yaml:2:1
        Deployment default/pinned  1 replica, placed  2/3 nodes feasible  fixtures/scheduler/profiles/app.yaml:15:1

      ✔ 1 problem (0 errors, 1 warning, 0 infos) in 7 objects from 2 files, 2 workloads fully placed
      "
    `);
  });

  it('reads the --scheduler-config file inside a checked folder as the configuration only, not as a manifest', async () => {
    const run = await runCli(['check', DIR, '--cluster', `${DIR}/cluster.yaml`, '--scheduler-config', `${DIR}/scheduler-config.yaml`, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: { file: string }[] };
    expect(report.findings.map((finding) => finding.file)).not.toContain(`${DIR}/scheduler-config.yaml`);
    const withoutOption = JSON.parse((await runCli(['check', DIR, '--cluster', `${DIR}/cluster.yaml`, '--format', 'json'])).stdout) as { findings: { file: string; message: string }[] };
    expect(withoutOption.findings.filter((finding) => finding.file === `${DIR}/scheduler-config.yaml`).map((finding) => finding.message)).toEqual([
      'kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration is the configuration file of a Kubernetes component, not an API object: not validated here; pass it with --scheduler-config to check it and schedule with its profiles',
    ]);
  });

  it('places through the library API as through the CLI: bin packing fills the busy node, addedAffinity rejects the batch pool', async () => {
    const report = await fit([`${DIR}/app.yaml`], { cluster: [`${DIR}/cluster.yaml`], schedulerConfig: `${DIR}/scheduler-config.yaml`, configFile: false });
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(Object.keys(results)).toEqual(['packed', 'pinned']);
    expect(results['packed']).toMatchObject({ feasibleNodes: ['a', 'b', 'c'], placement: { nodes: { b: 2 }, unschedulable: 0 } });
    expect(results['pinned']).toMatchObject({
      feasibleNodes: ['a', 'b'],
      rejected: { c: ["node(s) didn't match scheduler-enforced node affinity"] },
      placement: { nodes: { a: 1 }, unschedulable: 0 },
    });
  });

  it('without --scheduler-config only default-scheduler pods are placed: the others get one finding each', async () => {
    const report = await fit([`${DIR}/app.yaml`], { cluster: [`${DIR}/cluster.yaml`], configFile: false });
    expect(report.scheduling).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.path])).toEqual([
      ['no-scheduler-profile', 'warning', 11, 22, 'spec.template.spec.schedulerName'],
      ['no-scheduler-profile', 'warning', 24, 22, 'spec.template.spec.schedulerName'],
      ['no-scheduler-profile', 'warning', 37, 22, 'spec.template.spec.schedulerName'],
    ]);
    expect(report.findings[0]?.message).toBe(
      'schedulerName "bin-packing" names no scheduler profile (profiles: default-scheduler): the dry-run does not place these pods, which stay Pending unless a scheduler named "bin-packing" runs in the cluster',
    );
  });

  it('a pod created with spec.nodeName is no scheduler\'s: it runs on its node whatever scheduler it names, and counts there', async () => {
    // upstream eventhandlers.go: only unassigned pods go through responsibleForPod; assigned ones go to the cache.
    for (const schedulerConfig of [undefined, `${DIR}/scheduler-config.yaml`]) {
      const report = await fit([`${DIR}/assigned.yaml`], { cluster: [`${DIR}/cluster.yaml`], configFile: false, ...(schedulerConfig && { schedulerConfig }) });
      expect(report.findings).toEqual([]);
      expect(report.scheduling.map((r) => [r.object.name, r.feasibleNodes, r.placement])).toEqual([
        ['assigned', ['a'], { nodes: { a: 1 }, unschedulable: 0, message: null }],
      ]);
      expect(report.nodes?.find((node) => node.name === 'a')?.placed).toEqual({ cpu: 1000, pods: 1 });
    }
  });

  it('--drain re-creates drained pods without a node: each runs the profile it names, or stays Pending with the warning', async () => {
    const cluster = [`${DIR}/cluster.yaml`, `${DIR}/drained.yaml`];
    const where = (report: Awaited<ReturnType<typeof fit>>) => ({
      findings: report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.path, f.message.split(' names ')[0]]),
      scheduling: report.scheduling.map((r) => [r.object.name, r.drainedFrom, r.placement?.nodes]),
    });
    const custom = ['no-scheduler-profile', `${DIR}/drained.yaml`, 18, 18, 'spec.schedulerName', 'schedulerName "my-scheduler"'];
    expect(where(await fit([], { cluster, drain: ['a'], configFile: false }))).toEqual({
      findings: [['no-scheduler-profile', `${DIR}/drained.yaml`, 8, 18, 'spec.schedulerName', 'schedulerName "bin-packing"'], custom],
      scheduling: [],
    });
    // bin packing puts packed-0 on the busy b; the default profile would pick the empty c
    expect(where(await fit([], { cluster, drain: ['a'], configFile: false, schedulerConfig: `${DIR}/scheduler-config.yaml` }))).toEqual({
      findings: [custom],
      scheduling: [['packed-0', 'a', { b: 1 }]],
    });
  });

  it('an invalid configuration is a usage error naming the field in upstream words (several as utilerrors aggregates them), no stack', async () => {
    const run = await runCli([...ARGS, '--scheduler-config', 'fixtures/scheduler/profiles-invalid/scheduler-config.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'kubefit: --scheduler-config fixtures/scheduler/profiles-invalid/scheduler-config.yaml: [' +
        'profiles[0].pluginConfig[0].args.hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100], ' +
        'profiles[0].pluginConfig[1].args.minCandidateNodesPercentage: Invalid value: 200: not in valid range [0, 100], ' +
        'profiles[1].schedulerName: Required value]\n' +
        'See https://kubernetes.io/docs/reference/scheduling/config/ for the format.\n',
    );
  });

  it('NodeResourcesFit args are refused when the profile is built, as NewFit refuses them', async () => {
    const run = await runCli([...ARGS, '--scheduler-config', 'fixtures/scheduler/profiles-invalid/plugin-init.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kubefit: --scheduler-config fixtures/scheduler/profiles-invalid/plugin-init.yaml: initializing profiles: creating profile for scheduler name default-scheduler: initializing plugin "NodeResourcesFit": [' +
        'scoringStrategy.type: Unsupported value: "Spread": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio", ' +
        'scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]]\n' +
        'See https://kubernetes.io/docs/reference/scheduling/config/ for the format.\n',
    );
  });

  it('an unknown field is a usage error in the words of kube-scheduler\'s strict decoding, before any validation', async () => {
    const run = await runCli([...ARGS, '--scheduler-config', 'fixtures/scheduler/profiles-invalid/unknown-fields.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'kubefit: --scheduler-config fixtures/scheduler/profiles-invalid/unknown-fields.yaml: strict decoding error: unknown field "profiles[0].plugins.scores", ' +
        'decoding .profiles[0].pluginConfig[0]: strict decoding error: decoding args for plugin NodeResourcesFit: strict decoding error: unknown field "scoringStrategy.resources[0].Weight"\n' +
        'See https://kubernetes.io/docs/reference/scheduling/config/ for the format.\n',
    );
  });

  it('a missing file or another kind is a usage error', async () => {
    expect((await runCli([...ARGS, '--scheduler-config', `${DIR}/missing.yaml`])).stderr).toContain('--scheduler-config fixtures/scheduler/profiles/missing.yaml: no such file');
    expect((await runCli([...ARGS, '--scheduler-config', `${DIR}/app.yaml`])).stderr).toContain(`--scheduler-config ${DIR}/app.yaml: expected one YAML document`);
    const wrongKind = await runCli([...ARGS, '--scheduler-config', 'fixtures/scheduler/profiles-invalid/v1beta3.yaml']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('expected apiVersion kubescheduler.config.k8s.io/v1 and kind KubeSchedulerConfiguration');
  });

  it('warns about out-of-tree plugins and node sampling, and runs the rest', async () => {
    const run = await runCli([...ARGS, '--scheduler-config', 'fixtures/scheduler/profiles-invalid/out-of-tree.yaml', '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'kubefit: warning: --scheduler-config fixtures/scheduler/profiles-invalid/out-of-tree.yaml: profiles[0].plugins.multiPoint.enabled[0]: plugin "Coscheduling" is not a kube-scheduler plugin kubefit knows (out-of-tree?), so it is not modelled; the rest of the profile runs\n' +
        'kubefit: warning: --scheduler-config fixtures/scheduler/profiles-invalid/out-of-tree.yaml: percentageOfNodesToScore: kubefit scores every feasible node; sampling 30% of them is not modelled\n',
    );
  });

  it('the message carries only what the profile\'s PostFilter plugins say (RunPostFilterPlugins runs the enabled ones)', async () => {
    const dir = 'fixtures/scheduler/profiles-postfilter';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/cluster.yaml`], schedulerConfig: `${dir}/scheduler-config.yaml`, configFile: false });
    expect(report.scheduling.map((entry) => [entry.object.name, entry.message])).toEqual([
      ['without-dra', '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
      ['without-preemption', '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate'],
    ]);
  });

  it('NodeResourcesFit scores an extended resource a DeviceClass backs by the devices of the class on each node, those taken by earlier replicas in use (v1.36)', async () => {
    // upstream: fit_test.go TestFitScore "test case for ScoringStrategy LeastAllocated with Extended resources";
    // resource_allocation.go calculateDRAResourceTotals
    const dir = 'fixtures/scheduler/dra-extended-resource-score';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/cluster.yaml`], schedulerConfig: `${dir}/scheduler-config.yaml`, configFile: false });
    expect(report.scheduling[0]?.placement).toEqual({ nodes: { node1: 1, node2: 2 }, unschedulable: 0, message: null });
  });

  it("places replicas with required affinity to their own pods among the nodes it allows when the profile gives that affinity no score (hardPodAffinityWeight: 0)", async () => {
    // The ReplicaQueue then follows InterPodAffinity as a filter: its classes must keep the zone the first replica makes count.
    const dir = 'fixtures/scheduler/hard-affinity-weight-zero';
    const report = await fit([`${dir}/job.yaml`], { schedulerConfig: `${dir}/scheduler-config.yaml`, configFile: false });
    expect(report.scheduling.find((r) => r.object.name === 'together')?.placement).toEqual({ nodes: { a1: 2, c1: 2 }, unschedulable: 0, message: null });
  });
});
