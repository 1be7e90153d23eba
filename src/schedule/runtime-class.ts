// The RuntimeClass admission plugin: a pod naming a RuntimeClass gets the class's pod overhead, node selector and
// tolerations when it is created (plugin/pkg/admission/runtimeclass/admission.go setOverhead, setScheduling).
import { asArray, asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { compareQuantities, isQuantityList, parseQuantity } from '../model/quantity.js';

/** What a RuntimeClass adds to the pods that name it. */
export interface RuntimeClassAdmission {
  /** overhead.podFixed: becomes the pod's spec.overhead. */
  readonly overhead: unknown;
  readonly nodeSelector: Readonly<Record<string, string>> | undefined;
  readonly tolerations: readonly unknown[];
}

/**
 * The RuntimeClasses of the inputs and cluster by name; one whose overhead is no list of quantities is left out (the
 * API server refuses such an object, so no pod can name it).
 */
export function runtimeClassesOf(objects: readonly KubeObject[]): ReadonlyMap<string, RuntimeClassAdmission> {
  const classes = new Map<string, RuntimeClassAdmission>();
  for (const object of objects) {
    const overhead = asRecord(object.value['overhead'])?.['podFixed'];
    if (overhead !== undefined && !isQuantityList(overhead)) continue;
    const scheduling = asRecord(object.value['scheduling']);
    classes.set(object.ref.name, {
      overhead,
      nodeSelector: asRecord(scheduling?.['nodeSelector']) ? asStringMap(scheduling?.['nodeSelector']) : undefined,
      tolerations: asArray(scheduling?.['tolerations']),
    });
  }
  return classes;
}

/**
 * The spec of a pod to be created as the admission plugin leaves it: overhead set, the class's node selector merged
 * into the pod's, its tolerations appended (MergeTolerations drops only tolerations another one covers, which
 * tolerates the same taints). A pod naming a RuntimeClass the inputs lack is left as it is (the cluster may hold the
 * class). A pod whose own node selector or overhead contradicts its class is refused by the plugin; kubefit then leaves
 * the pod as written.
 */
export function admittedSpec(spec: Readonly<Record<string, unknown>>, classes: ReadonlyMap<string, RuntimeClassAdmission>): Readonly<Record<string, unknown>> {
  const name = spec['runtimeClassName'];
  const runtimeClass = typeof name === 'string' ? classes.get(name) : undefined;
  if (!runtimeClass) return spec;
  const podSelector = asRecord(spec['nodeSelector']);
  const selector = runtimeClass.nodeSelector;
  if (selector && podSelector && Object.keys(selector).some((key) => key in podSelector && podSelector[key] !== selector[key])) return spec;
  if (runtimeClass.overhead !== undefined && spec['overhead'] !== undefined && !sameQuantities(spec['overhead'], runtimeClass.overhead)) return spec;
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
