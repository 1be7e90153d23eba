// Builders for the storage objects of the volume plugins' table tests (upstream's makePVC, makePV, makeStorageClass).
type Value = Readonly<Record<string, unknown>>;

export interface ClaimSpec {
  readonly volumeName?: string;
  readonly className?: string;
  readonly accessModes?: readonly string[];
  readonly storage?: string;
  readonly phase?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

export function pvc(name: string, spec: ClaimSpec = {}): Value {
  const bound = spec.volumeName ? { 'pv.kubernetes.io/bind-completed': 'yes' } : {};
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', annotations: { ...bound, ...spec.annotations } },
    spec: {
      ...(spec.volumeName && { volumeName: spec.volumeName }),
      ...(spec.className !== undefined && { storageClassName: spec.className }),
      accessModes: spec.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: spec.storage ?? '1Gi' } },
    },
    ...(spec.phase && { status: { phase: spec.phase } }),
  };
}

export interface VolumeSpec {
  readonly className?: string;
  readonly capacity?: string;
  /** Required node affinity: every key must have its value. */
  readonly nodeAffinity?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly claim?: string;
  readonly csi?: { readonly driver: string; readonly handle: string };
}

export function pv(name: string, spec: VolumeSpec = {}): Value {
  const expressions = Object.entries(spec.nodeAffinity ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, labels: spec.labels ?? {} },
    spec: {
      storageClassName: spec.className ?? '',
      capacity: { storage: spec.capacity ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      ...(spec.claim && { claimRef: { namespace: 'default', name: spec.claim } }),
      ...(expressions.length > 0 && { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } }),
      ...(spec.csi && { csi: { driver: spec.csi.driver, volumeHandle: spec.csi.handle } }),
    },
  };
}

export function storageClass(name: string, mode: 'Immediate' | 'WaitForFirstConsumer', provisioner = '', extra: Value = {}): Value {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, volumeBindingMode: mode, ...extra };
}

export function claimVolumes(...claims: readonly string[]): Value {
  return { containers: [{ name: 'c', image: 'i' }], volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) };
}
