// The DefaultTolerationSeconds admission plugin (on by default): a pod created without a toleration for the
// not-ready or unreachable NoExecute taint gets one for 300 s, so a node the node lifecycle controller has tainted
// NoExecute only does not keep it off (plugin/pkg/admission/defaulttolerationseconds/admission.go Admit).
import { asArray, asRecord } from '../model/object.js';

const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
/** The kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * Whether one of the tolerations names the taint key (or no key) with effect NoExecute (or none): the plugin looks at
 * nothing else, neither operator nor value.
 */
function mentionsNoExecuteTaint(tolerations: readonly unknown[], key: string): boolean {
  return tolerations.some((entry) => {
    const toleration = asRecord(entry);
    const [tolerationKey, effect] = [toleration?.['key'] ?? '', toleration?.['effect'] ?? ''];
    return (tolerationKey === key || tolerationKey === '') && (effect === 'NoExecute' || effect === '');
  });
}

/** The spec of a pod to be created with the default not-ready and unreachable tolerations it lacks, appended. */
export function withDefaultTolerations(spec: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const tolerations = asArray(spec['tolerations']);
  const added = [NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY]
    .filter((key) => !mentionsNoExecuteTaint(tolerations, key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return added.length === 0 ? spec : { ...spec, tolerations: [...tolerations, ...added] };
}
