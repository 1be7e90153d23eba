import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/load/load-manifests.js';
import { SCHEMA_CHECKS, validateObjects } from '../../src/schema/validate.js';
import { CORPUS_DIR, hasCorpus } from './corpus-files.js';

// Corpus files kubectl rejects too (archived examples, kustomize patches and bases, removed APIs), and why.
const REJECTED: Readonly<Record<string, string>> = {
  'kubernetes-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml': 'protocol: tcp (only TCP, UDP, SCTP)',
  'kubernetes-examples/_archived/volumes/cinder/cinder-web.yaml': 'protocol: tcp',
  'kubernetes-examples/_archived/volumes/fibre_channel/fc.yaml': 'lun is a placeholder string',
  'kubernetes-examples/_archived/volumes/rbd/rbd.yaml': 'imageformat and imagefeatures are not RBD volume fields',
  'kubernetes-examples/_archived/volumes/scaleio/pod.yaml': 'protectionDoamin typo',
  'kubernetes-examples/_archived/volumes/storageos/storageos-pod.yaml': 'pool is not a StorageOS volume field',
  'kubernetes-examples/_archived/volumes/storageos/storageos-pv.yaml': 'secretName is not a StorageOS persistent volume field',
  'metrics-server/manifests/base/deployment.yaml': 'kustomize base without spec.selector',
  'kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config.json': 'scheduler configuration, not an API object',
  'kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config-with-extender.json': 'scheduler configuration, not an API object',
  'kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml': 'policy/v1beta1 PodDisruptionBudget, removed in 1.25',
  'kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml': 'extensions/v1beta1 DaemonSet, removed in 1.16',
  'kubernetes-examples/_archived/podsecuritypolicy/rbac/policies.yaml': 'PodSecurityPolicy, removed in 1.25',
  'kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml': 'extensions/v1beta1 DaemonSet',
  'metrics-server/manifests/components/high-availability/pdb.yaml': 'policy/v1beta1 PodDisruptionBudget',
  'kubernetes-examples/_archived/volumes/azure_disk/claim': 'storage.k8s.io/v1beta1 StorageClass, removed in 1.22 (a folder)',
};

const isRejected = (file: string) => Object.keys(REJECTED).some((path) => file === path || file.startsWith(`${path}/`));

describe.skipIf(!hasCorpus)('schema validation of the real-world corpus', () => {
  it('reports no error on any manifest kubectl accepts', async () => {
    const { objects, patches } = await loadManifests(['.'], { cwd: CORPUS_DIR });
    const ids = new Set(SCHEMA_CHECKS.map((meta) => meta.id));
    const findings = validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false }, patches);
    const errors = findings.filter((finding) => finding.severity === 'error' && ids.has(finding.ruleId));
    const unexpected = errors.filter((finding) => !isRejected(finding.file));
    expect(unexpected.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)).toEqual([]);
  });
});
