// The Secrets and ConfigMaps a pod spec refers to (env, envFrom, volumes, projected volumes), with their paths.
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';

export interface ConfigReference {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  /** The key read from it, when one is named. */
  readonly key: string | undefined;
  readonly optional: boolean;
  /** Path of the name (object missing) and of the key (key missing). */
  readonly namePath: Path;
  readonly keyPath: Path | undefined;
}

const ENV_SOURCES = [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const;
const ENV_FROM_SOURCES = [['secretRef', 'Secret'], ['configMapRef', 'ConfigMap']] as const;

/** Every reference of the pod spec, in document order of containers then volumes. */
export function configReferences(workload: Workload): ConfigReference[] {
  const out: ConfigReference[] = [];
  for (const container of workload.containers) {
    // paths are built only for the entries that refer to something (most env entries are plain values)
    asArray(container.value['env']).forEach((entry, index) => {
      const valueFrom = asRecord(asRecord(entry)?.['valueFrom']);
      for (const [field, kind] of ENV_SOURCES) {
        const source = asRecord(valueFrom?.[field]);
        if (source) pushReference(out, kind, source, { nameField: 'name', path: container.path.concat('env', index, 'valueFrom', field), keyField: 'key' });
      }
    });
    asArray(container.value['envFrom']).forEach((entry, index) => {
      for (const [field, kind] of ENV_FROM_SOURCES) {
        const source = asRecord(asRecord(entry)?.[field]);
        if (source) pushReference(out, kind, source, { nameField: 'name', path: container.path.concat('envFrom', index, field) });
      }
    });
  }
  asArray(workload.podSpec['volumes']).forEach((entry, index) => {
    const volume = asRecord(entry);
    const path = workload.podSpecPath.concat('volumes', index);
    pushVolumeSource(out, 'Secret', asRecord(volume?.['secret']), { nameField: 'secretName', path: path.concat('secret') });
    pushVolumeSource(out, 'ConfigMap', asRecord(volume?.['configMap']), { nameField: 'name', path: path.concat('configMap') });
    asArray(asRecord(volume?.['projected'])?.['sources']).forEach((source, sourceIndex) => {
      const sourcePath = path.concat('projected', 'sources', sourceIndex);
      pushVolumeSource(out, 'Secret', asRecord(asRecord(source)?.['secret']), { nameField: 'name', path: sourcePath.concat('secret') });
      pushVolumeSource(out, 'ConfigMap', asRecord(asRecord(source)?.['configMap']), { nameField: 'name', path: sourcePath.concat('configMap') });
    });
  });
  return out;
}

interface Where {
  readonly nameField: string;
  readonly path: Path;
  readonly keyField?: string;
}

function pushReference(out: ConfigReference[], kind: ConfigReference['kind'], source: Readonly<Record<string, unknown>> | undefined, where: Where): void {
  const name = source?.[where.nameField];
  if (typeof name !== 'string' || name === '') return;
  const key = where.keyField === undefined ? undefined : source?.[where.keyField];
  out.push({
    kind,
    name,
    key: typeof key === 'string' ? key : undefined,
    optional: source?.['optional'] === true,
    namePath: where.path.concat(where.nameField),
    keyPath: where.keyField === undefined ? undefined : where.path.concat(where.keyField),
  });
}

/** A secret or configMap volume source: the object itself, then each `items[].key` projected from it. */
function pushVolumeSource(out: ConfigReference[], kind: ConfigReference['kind'], source: Readonly<Record<string, unknown>> | undefined, where: Where): void {
  pushReference(out, kind, source, where);
  const name = source?.[where.nameField];
  if (typeof name !== 'string' || name === '') return;
  asArray(source?.['items']).forEach((entry, index) => {
    const key = asRecord(entry)?.['key'];
    if (typeof key !== 'string') return;
    out.push({ kind, name, key, optional: source?.['optional'] === true, namePath: where.path.concat(where.nameField), keyPath: where.path.concat('items', index, 'key') });
  });
}
