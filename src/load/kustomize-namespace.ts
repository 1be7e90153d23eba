// kustomize's namespace transformer (a kustomization's `namespace:`): the fields `kustomize build` sets to that
// namespace (upstream: api/filters/namespace/namespace.go and the field specs of
// api/internal/konfig/builtinpluginconsts/namespace.go). A Flux repository's shared `Namespace` named `_`, which each
// app's kustomization renames, is checked as it is built, and its objects meet their neighbours in their namespace.
import { groupOf, isClusterScoped } from '../model/kinds.js';
import { asRecord } from '../model/object.js';
import { mapItems } from './kustomized-document.js';
import { REPLACED } from './kustomize-replacements.js';
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
  // roleBindingHack in its default mode (defaultOnly)
  if (isRoleBinding(kind)) out = withSubjectNamespaces(out, namespace, (subject) => subject['name'] === 'default');
  for (const spec of specs) if (selects(spec, apiVersion, kind)) out = editAt(out, spec.path, spec.create, (current) => (current === namespace ? undefined : namespace)) as Readonly<Record<string, unknown>>;
  return out;
}

/**
 * The nameReference transformer at the end of a build that sets `namespace` (api/filters/nameref/nameref.go setMapping
 * and selectReferral, for the subjects of (Cluster)RoleBindings): a ServiceAccount subject that names a ServiceAccount
 * of the build (by a name it had: previousNameMatches), without namespace or with the one the ServiceAccount's file
 * writes (default when none), gets the namespace the build puts that ServiceAccount in (kubebuilder's config/rbac
 * relies on it); one naming none keeps its own, and one without namespace then keeps none, which the API server refuses.
 * `serviceAccounts`: the names the build's files give its ServiceAccounts, undefined where kubefit cannot tell (a
 * resource not among the inputs), when every such subject is taken to name one; so is a name a replacement writes.
 */
export function withSubjectReferences(value: Readonly<Record<string, unknown>>, namespace: string, serviceAccounts: BuildServiceAccounts | undefined): Readonly<Record<string, unknown>> {
  return isRoleBinding(typeof value['kind'] === 'string' ? value['kind'] : '') ? withSubjectNamespaces(value, namespace, (subject) => namesBuildServiceAccount(subject, serviceAccounts)) : value;
}

/**
 * What builds that put a file in different namespaces all do: fill the namespace of a (Cluster)RoleBinding's subjects
 * that name none (`namespace` standing for each build's), where each build would (named `default`, or naming a
 * ServiceAccount of the build). The rest stays as the file writes it (an object without metadata.namespace goes
 * wherever each build puts it).
 */
export function withUnsetSubjectNamespaces(value: Readonly<Record<string, unknown>>, namespace: string, serviceAccounts: BuildServiceAccounts | undefined): Readonly<Record<string, unknown>> {
  if (!isRoleBinding(typeof value['kind'] === 'string' ? value['kind'] : '')) return value;
  return withSubjectNamespaces(value, namespace, (subject) => isUnplaced(subject) && (subject['name'] === 'default' || namesBuildServiceAccount(subject, serviceAccounts)));
}

function isUnplaced(subject: Readonly<Record<string, unknown>>): boolean {
  return subject['namespace'] === undefined || subject['namespace'] === '';
}

/** The ServiceAccounts of a build's files: each name with the namespaces its files write it in. */
export type BuildServiceAccounts = ReadonlyMap<string, ReadonlySet<string>>;

function namesBuildServiceAccount(subject: Readonly<Record<string, unknown>>, serviceAccounts: BuildServiceAccounts | undefined): boolean {
  const name = subject['name'];
  if (subject['kind'] !== 'ServiceAccount') return false;
  if (isUnplaced(subject)) return serviceAccounts === undefined || name === REPLACED || (typeof name === 'string' && serviceAccounts.has(name));
  // nameref.go filterMapCandidatesByNamespace: a subject's namespace picks the ServiceAccounts its build's files write
  // in it (GroupedByOriginalNamespace, none written is default), which the build then moves with the subject
  return typeof name === 'string' && serviceAccounts?.get(name)?.has(String(subject['namespace'])) === true;
}

function isRoleBinding(kind: string): boolean {
  return kind === 'RoleBinding' || kind === 'ClusterRoleBinding';
}

/** The binding with `namespace` in each of its subjects that `chosen` holds. */
function withSubjectNamespaces(value: Readonly<Record<string, unknown>>, namespace: string, chosen: (subject: Readonly<Record<string, unknown>>) => boolean): Readonly<Record<string, unknown>> {
  const subjects = value['subjects'];
  if (!Array.isArray(subjects)) return value;
  const next = mapItems(subjects as readonly unknown[], (subject) => {
    const record = asRecord(subject);
    return !record || record['namespace'] === namespace || !chosen(record) ? subject : { ...record, namespace };
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
