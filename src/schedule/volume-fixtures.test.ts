import { describe, expect, it } from 'vitest';
import { fit, type CheckOptions } from '../check.js';
import type { Finding } from '../model/finding.js';

/** The scheduling results and findings of fixture inputs, through the loader and the check pipeline. */
async function fixture(paths: readonly string[], options: CheckOptions = {}) {
  const report = await fit(paths, options);
  const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
  return { results, findings: report.findings };
}

describe('fixtures/schedule volume plugins', () => {
  it('VolumeBinding: a StatefulSet claims one local volume per replica; PV node affinity; unbound Immediate claims', async () => {
    const { results } = await fixture(['fixtures/schedule/VolumeBinding']);
    expect(results['db']).toMatchObject({
      replicas: 3,
      feasibleNodes: ['node-a', 'node-b'],
      rejected: { 'node-c': ["node(s) didn't find available persistent volumes to bind"] },
      placement: {
        nodes: { 'node-a': 1, 'node-b': 1 },
        unschedulable: 1,
        message: "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      },
    });
    expect(results['reporter']).toMatchObject({
      feasibleNodes: [],
      message: "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had volume node affinity conflict. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
    expect(results['waiting']).toMatchObject({
      message: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found',
    });
    // a claim written as a manifest is bound by the PV controller as it is created (a provisioned volume)
    expect(results['fresh-user']).toMatchObject({ message: null, placement: { unschedulable: 0 } });
  });

  it('VolumeBinding: a bound in-tree GCE PD is read as its CSI translation where the CSINode lists the plugin as migrated', async () => {
    // upstream binder.go checkBoundClaims / tryTranslatePVToCSI, binder_test.go TestFindPodVolumesWithCSIMigration
    const { results } = await fixture(['fixtures/schedule/VolumeBinding-csi-migration']);
    expect(results['reader']).toMatchObject({
      feasibleNodes: ['node-c'],
      // node-b-legacy has node-b's labels, but its CSINode does not list kubernetes.io/gce-pd
      rejected: { 'node-b': ['node(s) had volume node affinity conflict'], 'node-b-legacy': ['node(s) had no available volume zone'] },
      message: null,
    });
  });

  it('VolumeBinding: in v1.27 and v1.28 PreFilter narrows to the nodes of a bound local PV; the others are filtered out', async () => {
    // upstream binder.go GetEligibleNodes (kubernetes#109877), taken out by #127584 (v1.32, v1.29.11, v1.30.7, v1.31.3);
    // the nodes it leaves out are absent from NodeToStatusMap, which FitError counts alone (#125197 in 1.28.11)
    const taint = '1 node(s) had untolerated taint {dedicated: db}';
    const messages = await Promise.all(['1.28', '1.29'].map(async (kubernetesVersion) => {
      const { results } = await fixture(['fixtures/schedule/VolumeBinding-eligible-nodes'], { kubernetesVersion });
      return String(results['user']?.message).split('. preemption:')[0];
    }));
    expect(messages).toEqual([
      `0/3 nodes are available: ${taint}`,
      `0/3 nodes are available: ${taint}, 2 node(s) had volume node affinity conflict`,
    ]);
  });

  it('VolumeZone: a zonal volume keeps the pod in its zone', async () => {
    const { results } = await fixture(['fixtures/schedule/VolumeZone']);
    expect(results['app']).toMatchObject({ feasibleNodes: ['east-1'], rejected: { 'east-2': ['node(s) had no available volume zone'] } });
  });

  it('VolumeRestrictions: a read-write GCE disk and a ReadWriteOncePod claim in use', async () => {
    const { results } = await fixture(['fixtures/schedule/VolumeRestrictions']);
    expect(results['reader']).toMatchObject({ feasibleNodes: ['node-2'], rejected: { 'node-1': ['node(s) had no available disk'] } });
    expect(results['second-writer']).toMatchObject({
      line: 63,
      message: '0/2 nodes are available: 2 node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    });
  });

  it('NodeVolumeLimits: CSINode allocatable.count; a claim the inputs lack is noted once, not checked', async () => {
    const { results, findings } = await fixture(['fixtures/schedule/NodeVolumeLimits']);
    expect(results['needs-volume']).toMatchObject({ feasibleNodes: ['node-2'], rejected: { 'node-1': ['node(s) exceed max volume count'] } });
    expect(results['unknown-claim']).toMatchObject({ feasibleNodes: ['node-1', 'node-2'] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.path, f.message])).toEqual([
      [
        'volumes-not-checked', 'info', 86, 61, 'spec.volumes[0].persistentVolumeClaim.claimName',
        'volumes were not checked: persistentvolumeclaim "elsewhere" is not in the inputs and no cluster snapshot was given',
      ],
    ]);
  });

  it('NodeVolumeLimits: in-tree GCE PD volumes count on every node with a CSINode; Portworx ones, before v1.36, only where it lists the plugin as migrated', async () => {
    // upstream nodevolumelimits/utils.go isCSIMigrationOn
    const full = "0/2 nodes are available: 2 node(s) exceed max volume count. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.";
    const before = await fixture(['fixtures/schedule/NodeVolumeLimits-csi-migration'], { kubernetesVersion: '1.35' });
    expect(before.results['pd-reader']).toMatchObject({ feasibleNodes: [], message: full });
    expect(before.results['px-reader']).toMatchObject({ feasibleNodes: ['node-unlisted'], rejected: { 'node-listed': ['node(s) exceed max volume count'] }, message: null });
    // kubernetes#135322 removed CSIMigrationPortworx and, with it, the annotation check
    const after = await fixture(['fixtures/schedule/NodeVolumeLimits-csi-migration'], { kubernetesVersion: '1.36' });
    expect(after.results['px-reader']).toMatchObject({ feasibleNodes: [], message: full });
  });

  it('NodeVolumeLimits: a claim provisioned for a class named after an in-tree plugin counts as its CSI driver\'s volume', async () => {
    // upstream: nodevolumelimits/csi.go getCSIDriverInfo translates the in-tree PV (TranslateInTreePVToCSI) where
    // isCSIMigrationOn, as for a PV of the CSI driver
    const dir = 'fixtures/schedule/NodeVolumeLimits-provisioned';
    const { results } = await fixture([`${dir}/workloads.yaml`], { cluster: [`${dir}/cluster.yaml`] });
    for (const reader of ['in-tree-reader', 'csi-reader']) {
      expect(results[reader]).toMatchObject({ feasibleNodes: [], rejected: { 'node-1': ['node(s) exceed max volume count'] } });
    }
  });

  it('with a cluster snapshot that holds storage objects, a missing claim rejects the pod at PreFilter', async () => {
    const cluster = ['fixtures/schedule/NodeUnschedulable/cordoned.yaml', 'fixtures/schedule/unknown-storage/cluster-with-storage'];
    const { results, findings } = await fixture(['fixtures/schedule/NodeVolumeLimits'], { cluster });
    expect(results['unknown-claim']).toMatchObject({ feasibleNodes: [], message: '0/3 nodes are available: persistentvolumeclaim "elsewhere" not found. not found' });
    expect(findings.filter((f) => f.ruleId === 'volumes-not-checked')).toEqual([]);
  });

  describe('a cluster snapshot of nodes and pods only (kubectl get nodes,pods) says nothing of the storage', () => {
    const folder = 'fixtures/schedule/unknown-storage';
    const workloads = ['statefulset.yaml', 'unknown-class.yaml', 'missing-claim.yaml'].map((file) => `${folder}/${file}`);
    const nodesOnly = `${folder}/cluster`;
    const notChecked = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'volumes-not-checked').map((f) => [f.line, f.column, f.path, f.message]);
    const why = 'and the cluster snapshot holds no storage objects (kubectl get nodes,pods,pvc,pv,storageclass,csinode -A -o yaml)';

    it('classes the inputs lack are not checked, said once, and those pods are placed; a claim neither holds does not exist', async () => {
      const { results, findings } = await fixture(workloads, { cluster: [nodesOnly] });
      for (const name of ['db', 'uses-fast']) expect(results[name]).toMatchObject({ feasibleNodes: ['node-1', 'node-2'], message: null });
      expect(results['db']).toMatchObject({ placement: { nodes: { 'node-1': 1, 'node-2': 1 }, unschedulable: 0 } });
      // a snapshot was given: the claim does not exist (the contract; upstream's listers hold every claim)
      expect(results['uses-elsewhere']).toMatchObject({ message: '0/2 nodes are available: persistentvolumeclaim "elsewhere" not found. not found' });
      // (the files are read in kubectl's order: missing-claim.yaml, statefulset.yaml, unknown-class.yaml)
      expect(notChecked(findings)).toEqual([[17, 7, 'spec.volumeClaimTemplates[0]', `volumes were not checked: persistentvolumeclaim "data-db-0" names no StorageClass, the inputs hold no default one, ${why}`]]);
    });

    it.each([
      ['statefulset.yaml', [17, 7, 'spec.volumeClaimTemplates[0]', `volumes were not checked: persistentvolumeclaim "data-db-0" names no StorageClass, the inputs hold no default one, ${why}`]],
      ['unknown-class.yaml', [12, 61, 'spec.volumes[0].persistentVolumeClaim.claimName', `volumes were not checked: storageclass "gp3" of persistentvolumeclaim "fast" is not in the inputs ${why}`]],
    ])('%s: the finding names what the inputs lack', async (file, expected) => {
      const { findings } = await fixture([`${folder}/${file}`], { cluster: [nodesOnly] });
      expect(notChecked(findings)).toEqual([expected]);
    });

    it('with the storage objects in the snapshot, the verdicts are kube-scheduler\'s', async () => {
      const { results, findings } = await fixture(workloads, { cluster: [nodesOnly, `${folder}/cluster-with-storage`] });
      // the claims get the default class (DefaultStorageClass admission), provisioned where the pod lands
      expect(results['db']).toMatchObject({ placement: { nodes: { 'node-1': 1, 'node-2': 1 }, unschedulable: 0 } });
      // upstream: volume.IsDelayBindingMode reads a class that does not exist as Immediate binding
      expect(results['uses-fast']).toMatchObject({ message: '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found' });
      expect(results['uses-elsewhere']).toMatchObject({ message: '0/2 nodes are available: persistentvolumeclaim "elsewhere" not found. not found' });
      expect(notChecked(findings)).toEqual([]);
    });
  });
});

describe('generic ephemeral volumes', () => {
  it('each replica gets its own claim from the template: WaitForFirstConsumer binds one local PV per replica', async () => {
    const report = await fit(['fixtures/schedule/VolumeBinding-ephemeral']);
    expect(report.scheduling[0]).toMatchObject({
      feasibleNodes: ['worker-1', 'worker-2'],
      placement: {
        nodes: { 'worker-1': 1, 'worker-2': 1 },
        unschedulable: 1,
        message: "0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
      },
    });
  });

  it('VolumeBinding: a pending pod of the snapshot whose generic ephemeral claim the snapshot lacks waits at PreFilter for the ephemeral volume controller', async () => {
    // upstream: volumebinding/volume_binding.go PreFilter, podHasPVCs (the NotFound of an ephemeral claim reworded)
    const report = await fit([], { cluster: ['fixtures/schedule/VolumeBinding-ephemeral-created'] });
    const byName = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(byName['cache-0']).toMatchObject({ feasibleNodes: ['worker-1', 'worker-2'], placement: { unschedulable: 0 } });
    expect(byName['scratch-0']).toMatchObject({
      feasibleNodes: [],
      placement: { unschedulable: 1, message: '0/2 nodes are available: waiting for ephemeral volume controller to create the persistentvolumeclaim "scratch-0-tmp". not found' },
    });
  });

  it('VolumeBinding: a Pod of the manifests (no uid yet) gets its generic ephemeral claim from its template, whatever the snapshot holds', async () => {
    const report = await fit(['fixtures/schedule/VolumeBinding-ephemeral-manifest'], { cluster: ['fixtures/schedule/VolumeBinding-ephemeral-created'] });
    const byName = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(byName['scratch-1']).toMatchObject({ feasibleNodes: ['worker-1', 'worker-2'], placement: { unschedulable: 0 } });
  });

  it("NodeVolumeLimits: each replica attaches its own generic ephemeral volume, and no claim named after the workload is theirs", async () => {
    // upstream csi.go filterAttachableVolumes counts one volume per claim, and every replica's claim is
    // ephemeral.VolumeClaimName(pod, volume) of its own generated pod name
    const report = await fit(['fixtures/schedule/NodeVolumeLimits-ephemeral']);
    expect(report.scheduling[0]).toMatchObject({
      feasibleNodes: ['worker-1'],
      placement: {
        nodes: { 'worker-1': 1 },
        unschedulable: 1,
        message: '0/1 nodes are available: 1 node(s) exceed max volume count. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      },
    });
  });
});
