// kustomize's namespace transformer (a kustomization's `namespace:`): the fields `kustomize build` sets to that
// namespace (upstream: api/filters/namespace/namespace.go and the field specs of
// api/internal/konfig/builtinpluginconsts/namespace.go). A Flux repository's shared `Namespace` named `_`, which each
// app's kustomization renames, is checked as it is built, and its objects meet their neighbours in their namespace.
import { groupOf, isClusterScoped } from '../model/kinds.js';
import { asRecord } from '../model/object.js';
import { mapItems } from './kustomized-document.js';
import { editAt, selects, type FieldSpec } from './kustomize-field-specs.js';

/** A kustomization's `namespace`, when it sets one. */
export function namespaceOf(kustomization: Readonly<Record<string, unknown>>): string | undefined {
  const namespace = kustomization['namespace'];
  return typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
}

/**
 * `value` (an object of the inputs) in `namespace` as kustomize writes it: a copy of what changes, `value` itself when
 * nothing does. `specs`: the fields the kustomization's configurations add (kubeflow's admission webhook names
 * `webhooks/clientConfig/service/namespace`).
 */
export function withNamespace(value: Readonly<Record<string, unknown>>, namespace: string, specs: readonly FieldSpec[] = []): Readonly<Record<string, unknown>> {
  const apiVersion = typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '';
  const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
  const group = groupOf(apiVersion);
  let out = value;
  const set = (path: readonly string[], create: boolean) => {
    out = (withScalarAt(out, path, create, namespace) as Readonly<Record<string, unknown>> | undefined) ?? out;
  };
  // metaNamespaceHack: every object kustomize does not know for cluster-scoped gets metadata.namespace
  if (!isClusterScoped(apiVersion, kind)) set(['metadata', 'namespace'], true);
  if (kind === 'Namespace' && apiVersion === 'v1') set(['metadata', 'name'], true);
  if (kind === 'APIService' && group === 'apiregistration.k8s.io') set(['spec', 'service', 'namespace'], true);
  if (kind === 'CustomResourceDefinition' && group === 'apiextensions.k8s.io') set(['spec', 'conversion', 'webhook', 'clientConfig', 'service', 'namespace'], false);
  if (isRoleBinding(kind)) out = withSubjectNamespaces(out, namespace, false);
  for (const spec of specs) if (selects(spec, apiVersion, kind)) out = editAt(out, spec.path, spec.create, (current) => (current === namespace ? undefined : namespace)) as Readonly<Record<string, unknown>>;
  return out;
}

/**
 * What builds that put a file in different namespaces all do: fill the namespace of a (Cluster)RoleBinding's subjects
 * that name none (`namespace` standing for each build's), which the API server requires of a ServiceAccount subject.
 * The rest stays as the file writes it (an object without metadata.namespace goes wherever each build puts it).
 */
export function withUnsetSubjectNamespaces(value: Readonly<Record<string, unknown>>, namespace: string): Readonly<Record<string, unknown>> {
  return isRoleBinding(typeof value['kind'] === 'string' ? value['kind'] : '') ? withSubjectNamespaces(value, namespace, true) : value;
}

function isRoleBinding(kind: string): boolean {
  return kind === 'RoleBinding' || kind === 'ClusterRoleBinding';
}

/**
 * roleBindingHack in its default mode (defaultOnly): the subjects named `default` get the namespace. And the
 * nameReference transformer gives a ServiceAccount subject the namespace of the ServiceAccount it names
 * (api/filters/nameref/nameref.go, subjects of (Cluster)RoleBindings): a subject without namespace is taken to name
 * one of the build, which the kustomization puts in its namespace (kubebuilder's config/rbac relies on it).
 */
function withSubjectNamespaces(value: Readonly<Record<string, unknown>>, namespace: string, unsetOnly: boolean): Readonly<Record<string, unknown>> {
  const subjects = value['subjects'];
  if (!Array.isArray(subjects)) return value;
  const next = mapItems(subjects as readonly unknown[], (subject) => {
    const record = asRecord(subject);
    if (!record || record['namespace'] === namespace) return subject;
    const unset = record['namespace'] === undefined || record['namespace'] === '';
    const isDefault = record['name'] === 'default' && (unset || !unsetOnly);
    const isUnplacedServiceAccount = record['kind'] === 'ServiceAccount' && unset;
    return isDefault || isUnplacedServiceAccount ? { ...record, namespace } : subject;
  });
  return next === subjects ? value : { ...value, subjects: next };
}

/** `node` with `scalar` at `path` (missing maps created when `create`; else only an existing field is set), or undefined when unchanged. */
function withScalarAt(node: unknown, path: readonly string[], create: boolean, scalar: string): unknown {
  const map = asRecord(node);
  const [head, ...rest] = path;
  if (!map || head === undefined) return undefined;
  const child = map[head];
  if (rest.length === 0) return child === scalar || (child === undefined && !create) ? undefined : { ...map, [head]: scalar };
  if (child === undefined || child === null) return create ? { ...map, [head]: withScalarAt({}, rest, create, scalar) } : undefined;
  const next = withScalarAt(child, rest, create, scalar);
  return next === undefined ? undefined : { ...map, [head]: next };
}
