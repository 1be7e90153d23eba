// The RuntimeClass admission plugin: a pod naming a RuntimeClass gets the class's pod overhead, node selector and
// tolerations when it is created, and a pod that contradicts its class is refused (plugin/pkg/admission/runtimeclass/
// admission.go setOverhead, setScheduling, validateOverhead).
import { asArray, asRecord, asStringMap, type KubeObject } from './object.js';
import { compareQuantities, isResourceList, parseQuantity } from './quantity.js';

/** What a RuntimeClass adds to the pods that name it. */
export interface RuntimeClassAdmission {
  /** overhead.podFixed: becomes the pod's spec.overhead. */
  readonly overhead: unknown;
  readonly nodeSelector: Readonly<Record<string, string>> | undefined;
  readonly tolerations: readonly unknown[];
}

/** The RuntimeClasses of the inputs and cluster by name (see runtimeClassOf). */
export function runtimeClassesOf(objects: readonly KubeObject[]): ReadonlyMap<string, RuntimeClassAdmission> {
  const classes = new Map<string, RuntimeClassAdmission>();
  for (const object of objects) {
    const runtimeClass = runtimeClassOf(object);
    if (runtimeClass) classes.set(object.ref.name, runtimeClass);
  }
  return classes;
}

/**
 * What the RuntimeClass adds to pods; undefined when its overhead is no list of quantities of at least 0 (the API server
 * refuses it: node/validation ValidateRuntimeClass, validateOverhead).
 */
export function runtimeClassOf(object: KubeObject): RuntimeClassAdmission | undefined {
  // setOverhead reads the class's overhead, not its podFixed: `overhead: {}` sets none, yet refuses a pod that sets one
  const declared = asRecord(object.value['overhead']);
  const overhead = declared && (declared['podFixed'] ?? {});
  if (overhead !== undefined && !isResourceList(overhead)) return undefined;
  const scheduling = asRecord(object.value['scheduling']);
  return {
    overhead,
    nodeSelector: asRecord(scheduling?.['nodeSelector']) ? asStringMap(scheduling?.['nodeSelector']) : undefined,
    tolerations: asArray(scheduling?.['tolerations']),
  };
}

/** Why the plugin refuses a pod, in its words, and the pod spec field at fault. */
export interface RuntimeClassRefusal {
  readonly field: readonly string[];
  readonly message: string;
}

/**
 * Why the plugin refuses a pod with `spec` that names `runtimeClass` (undefined: the pod names none), in the order it
 * checks: setOverhead, setScheduling (the first conflicting key of the class), then validateOverhead.
 */
export function runtimeClassRefusal(spec: Readonly<Record<string, unknown>>, runtimeClass: RuntimeClassAdmission | undefined): RuntimeClassRefusal | undefined {
  const overhead = asRecord(spec['overhead']);
  const hasOverhead = overhead !== undefined && Object.keys(overhead).length > 0;
  if (runtimeClass?.overhead !== undefined) {
    return hasOverhead && !sameQuantities(overhead, runtimeClass.overhead) ? { field: ['overhead'], message: "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead" } : schedulingConflict(spec, runtimeClass);
  }
  return schedulingConflict(spec, runtimeClass) ?? (hasOverhead ? { field: ['overhead'], message: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead' } : undefined);
}

function schedulingConflict(spec: Readonly<Record<string, unknown>>, runtimeClass: RuntimeClassAdmission | undefined): RuntimeClassRefusal | undefined {
  const podSelector = asRecord(spec['nodeSelector']);
  const selector = runtimeClass?.nodeSelector;
  if (!selector || !podSelector) return undefined;
  const key = Object.keys(selector).find((name) => name in podSelector && podSelector[name] !== selector[name]);
  if (key === undefined) return undefined;
  return { field: ['nodeSelector', key], message: `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${selector[key]}; pod.spec.nodeSelector[${key}] = ${String(podSelector[key])}` };
}

/**
 * The spec of a pod to be created as the admission plugin leaves it: overhead set, the class's node selector merged
 * into the pod's, its tolerations appended (MergeTolerations drops only tolerations another one covers, which
 * tolerates the same taints). A pod naming a RuntimeClass the inputs lack is left as it is (the cluster may hold the
 * class). A pod the plugin refuses (runtimeClassRefusal) is left as written.
 */
export function admittedSpec(spec: Readonly<Record<string, unknown>>, classes: ReadonlyMap<string, RuntimeClassAdmission>): Readonly<Record<string, unknown>> {
  const name = spec['runtimeClassName'];
  const runtimeClass = typeof name === 'string' ? classes.get(name) : undefined;
  if (!runtimeClass || runtimeClassRefusal(spec, runtimeClass)) return spec;
  const podSelector = asRecord(spec['nodeSelector']);
  const selector = runtimeClass.nodeSelector;
  return {
    ...spec,
    ...(runtimeClass.overhead !== undefined && { overhead: runtimeClass.overhead }),
    ...(selector && { nodeSelector: { ...podSelector, ...selector } }),
    ...(runtimeClass.tolerations.length > 0 && { tolerations: [...asArray(spec['tolerations']), ...runtimeClass.tolerations] }),
  };
}

/** Equal resource lists, quantity by quantity ("1" and "1000m" alike), as setOverhead's Semantic.DeepEqual compares them. */
function sameQuantities(a: unknown, b: unknown): boolean {
  const left = asRecord(a) ?? {};
  const right = asRecord(b) ?? {};
  const names = Object.keys(left);
  if (names.length !== Object.keys(right).length) return false;
  return names.every((name) => {
    const x = parseQuantity(left[name]);
    const y = parseQuantity(right[name]);
    return x !== undefined && y !== undefined && compareQuantities(x, y) === 0;
  });
}
