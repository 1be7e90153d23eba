// The normalised view of everything that makes pods: identity, pod spec with its path, replicas, containers.
import type { Path } from './document.js';
import { POD_KINDS, podKindOf, type PodKind } from './kinds.js';
import { asArray, asRecord, asStringMap, type KubeObject } from './object.js';

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerView {
  readonly type: ContainerType;
  readonly index: number;
  readonly name: string | undefined;
  readonly value: Readonly<Record<string, unknown>>;
  /** Path of the container inside its object, e.g. ['spec','template','spec','containers',0]. */
  readonly path: Path;
  /** An init container with restartPolicy Always (a sidecar): it runs alongside the regular containers. */
  readonly isRestartable: boolean;
}

/**
 * A regular container or a sidecar: it runs as long as the pod does, so a Service's named targetPort resolves in its
 * ports and the pod is ready only when it is.
 */
// upstream: pkg/api/v1/pod/util.go FindPort; pkg/kubelet/status/generate.go GenerateContainersReadyCondition
export function isRegularOrSidecar(container: ContainerView): boolean {
  return container.type === 'container' || container.isRestartable;
}

export interface Workload {
  readonly object: KubeObject;
  readonly kind: PodKind;
  /** The pod spec; an empty mapping when the input has none (schema validation reports that). */
  readonly podSpec: Readonly<Record<string, unknown>>;
  readonly podSpecPath: Path;
  /** Path of the pod's metadata: the object's own for a Pod, the template's otherwise. */
  readonly podMetadataPath: Path;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  /** Pods the workload asks for; 'per-node' for a DaemonSet (the scheduler decides how many). */
  readonly replicas: number | 'per-node';
  readonly containers: readonly ContainerView[];
}

const CONTAINER_LISTS: readonly [ContainerType, string][] = [
  ['initContainer', 'initContainers'],
  ['container', 'containers'],
  ['ephemeralContainer', 'ephemeralContainers'],
];

/**
 * The workload of an object, cached on the object itself: a WeakMap would keep every object of a streamed run (and
 * its document) alive until a full garbage collection, since V8's young-generation collector treats its keys as strong.
 */
const WORKLOAD = Symbol('workload');
type Cached = KubeObject & { [WORKLOAD]?: Workload | null };
const frozenWorkloads = new WeakMap<KubeObject, Workload | null>();

/** The workload view of an object, or undefined when the object does not make pods; built once per object. */
export function toWorkload(object: KubeObject): Workload | undefined {
  const cached = object as Cached;
  let workload = Object.isExtensible(object) ? cached[WORKLOAD] : frozenWorkloads.get(object);
  if (workload !== undefined) return workload ?? undefined;
  workload = workloadOf(object) ?? null;
  if (Object.isExtensible(object)) Object.defineProperty(cached, WORKLOAD, { value: workload });
  else frozenWorkloads.set(object, workload);
  return workload ?? undefined;
}

/**
 * The pod spec's and pod metadata's paths of each kind, one frozen pair shared by all its workloads: 10,000 workloads
 * kept for the cross-object rules would otherwise hold 20,000 copies.
 */
const POD_PATHS = new Map<PodKind, { readonly spec: Path; readonly metadata: Path }>();

function podPathsOf(kind: PodKind): { readonly spec: Path; readonly metadata: Path } {
  let paths = POD_PATHS.get(kind);
  if (!paths) {
    const base = POD_KINDS[kind].templatePath;
    POD_PATHS.set(kind, (paths = { spec: Object.freeze(base.concat('spec')), metadata: Object.freeze(base.concat('metadata')) }));
  }
  return paths;
}

function workloadOf(object: KubeObject): Workload | undefined {
  const kind = podKindOf(object.ref.apiVersion, object.ref.kind);
  if (!kind) return undefined;
  const paths = podPathsOf(kind);
  const template = valueAt(object.value, POD_KINDS[kind].templatePath);
  // a Rollout without a template of its own runs the pods of the Deployment its workloadRef names, which is read as one
  if (kind === 'Rollout' && template === undefined) return undefined;
  const metadata = asRecord(asRecord(template)?.['metadata']);
  const podSpecPath = paths.spec;
  const podSpec = asRecord(valueAt(object.value, podSpecPath)) ?? {};
  return {
    object,
    kind,
    podSpec,
    podSpecPath,
    podMetadataPath: paths.metadata,
    podLabels: asStringMap(metadata?.['labels']),
    podAnnotations: asStringMap(metadata?.['annotations']),
    replicas: replicasOf(object, kind),
    containers: containersOf(podSpec, podSpecPath),
  };
}

const MAX_INT32 = 2 ** 31 - 1;

function replicasOf(object: KubeObject, kind: PodKind): number | 'per-node' {
  if (kind === 'DaemonSet') return 'per-node';
  const path = POD_KINDS[kind].replicasPath;
  if (!path) return 1;
  const value = valueAt(object.value, path);
  // replicas is an int32: the API server refuses more (kubectl: cannot unmarshal number ... of type int32), and past
  // 2^53 the count of replicas left Pending would equal the replicas, however many were placed
  const count = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_INT32 ? value : 1;
  const jobSpec = jobSpecOf({ kind, object });
  if (!jobSpec) return count;
  // a Job runs at most as many pods at once as it still needs completions (the job controller's wantActive)
  const completions = jobSpec['completions'];
  return typeof completions === 'number' && Number.isInteger(completions) && completions >= 0 ? Math.min(count, completions) : count;
}

/** Where the Job spec of a Job is, and that of the Jobs a CronJob makes. */
const JOB_SPEC_PATHS: Partial<Record<PodKind, Path>> = { Job: ['spec'], CronJob: ['spec', 'jobTemplate', 'spec'] };

/** The path of the workload's Job spec; undefined for a kind that makes no Jobs. */
export function jobSpecPath(kind: PodKind): Path | undefined {
  return JOB_SPEC_PATHS[kind];
}

/** The workload's Job spec (a Job's own, a CronJob's jobTemplate's); undefined for other kinds or when it is absent. */
export function jobSpecOf(workload: Pick<Workload, 'kind' | 'object'>): Readonly<Record<string, unknown>> | undefined {
  const path = jobSpecPath(workload.kind);
  return path && asRecord(valueAt(workload.object.value, path));
}

export function containersOf(podSpec: Readonly<Record<string, unknown>>, podSpecPath: Path): ContainerView[] {
  const out: ContainerView[] = [];
  for (const [type, field] of CONTAINER_LISTS) {
    asArray(podSpec[field]).forEach((entry, index) => {
      const value = asRecord(entry);
      if (!value) return;
      out.push({
        type,
        index,
        name: typeof value['name'] === 'string' ? value['name'] : undefined,
        value,
        path: podSpecPath.concat(field, index),
        isRestartable: type === 'initContainer' && value['restartPolicy'] === 'Always',
      });
    });
  }
  return out;
}

/** The value at `path` inside `root`, or undefined when any step is missing or of the wrong type. */
export function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  // an index loop: for...of allocated an iterator result per segment wherever V8 had not optimised this yet
  for (let at = 0; at < path.length; at++) {
    const segment = path[at] as string | number;
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      const record = asRecord(current);
      if (!record || !Object.hasOwn(record, segment)) return undefined;
      current = record[segment];
    }
  }
  return current;
}
