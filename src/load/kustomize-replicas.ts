// kustomize's replica count transformer (a kustomization's `replicas:`): `spec.replicas` of the Deployments,
// ReplicationControllers, ReplicaSets and StatefulSets of a name (upstream: api/internal/builtins/
// ReplicaCountTransformer.go, builtinpluginconsts/replicas.go). A base of one replica that its overlay scales out is
// checked, and placed, as scaled out.
import { asArray, asRecord } from '../model/object.js';

/** One `replicas` entry. */
export interface ReplicaCount {
  readonly name: string;
  readonly count: number;
}

/** The kinds of kustomize's replicas field specs (any group and version), each with `spec/replicas`, created. */
const SCALED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

/** The `replicas` entries of a kustomization, in order (an entry without a name or an integer count is kustomize's error, not applied). */
export function replicaCountsOf(kustomization: Readonly<Record<string, unknown>>): ReplicaCount[] {
  return asArray(kustomization['replicas']).flatMap((entry) => {
    const record = asRecord(entry);
    const name = record?.['name'];
    const count = record?.['count'];
    return typeof name === 'string' && name !== '' && Number.isSafeInteger(count) ? [{ name, count: count as number }] : [];
  });
}

/** `value` with the count as its `spec.replicas` when it is one of the kinds of that name; `value` itself otherwise. */
export function withReplicas(value: Readonly<Record<string, unknown>>, rule: ReplicaCount): Readonly<Record<string, unknown>> {
  if (typeof value['kind'] !== 'string' || !SCALED_KINDS.has(value['kind']) || asRecord(value['metadata'])?.['name'] !== rule.name) return value;
  const spec = value['spec'];
  if (spec !== undefined && spec !== null && !asRecord(spec)) return value;
  if (asRecord(spec)?.['replicas'] === rule.count) return value;
  return { ...value, spec: { ...asRecord(spec), replicas: rule.count } };
}
