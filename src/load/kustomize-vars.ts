// kustomize's vars (a kustomization's `vars:`, deprecated for `replacements` but common in kubeflow/manifests and older
// kubebuilder scaffolds): `kustomize build` replaces `$(NAME)` by a field of another object of the build, in the fields
// its varReference specs list (the builtin ones and those of the build's `configurations:`). kubefit does not work the
// values out: it writes such a reference as a substitution variable (`${NAME}`, model/substitution.ts), so that the
// checks that judge the written value leave it alone, as they do an envsubst variable. Upstream:
// api/internal/accumulator/refvartransformer.go, api/konfig/builtinpluginconsts/varreference.go.
import { asArray, asRecord } from '../model/object.js';
import { editAt, selects, type FieldSpec } from './kustomize-field-specs.js';
import type { KustomizeTransform } from './kustomized-document.js';

/** The names a kustomization declares under `vars:`. */
export function varNamesOf(kustomization: Readonly<Record<string, unknown>>): string[] {
  return asArray(kustomization['vars']).flatMap((entry) => {
    const name = asRecord(entry)?.['name'];
    return typeof name === 'string' && name !== '' ? [name] : [];
  });
}

const CONTAINER_FIELDS = ['args', 'command', 'env/value', 'volumeMounts/mountPath'];
const POD_SPECS: readonly (readonly [string, string])[] = [
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
  ...['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'StatefulSet'].map((kind) => [kind, 'spec/template/spec'] as const),
  ['Pod', 'spec'],
];
const spec = (path: string, kind?: string): FieldSpec => ({ ...(kind === undefined ? {} : { kind }), path: path.split('/'), create: false });

/** builtinpluginconsts/varreference.go: the containers' args, command, env values and mount paths, Ingress hosts, Service ports, labels. */
export const BUILTIN_VAR_REFERENCES: readonly FieldSpec[] = [
  ...POD_SPECS.flatMap(([kind, podSpec]) => ['containers', 'initContainers'].flatMap((list) => CONTAINER_FIELDS.map((field) => spec(`${podSpec}/${list}/${field}`, kind)))),
  ...['spec/rules/host', 'spec/tls/hosts', 'spec/tls/secretName'].map((path) => spec(path, 'Ingress')),
  ...['spec/ports/port', 'spec/ports/targetPort'].map((path) => spec(path, 'Service')),
  spec('metadata/labels'),
];

/** The transform that writes the references to `names` in the fields of `references` as substitution variables. */
export function varReferencesTransform(names: ReadonlySet<string>, references: readonly FieldSpec[]): KustomizeTransform {
  const mark = (value: unknown): unknown => {
    if (typeof value !== 'string' || !value.includes('$(')) return undefined;
    // expansion.go: `$$` is a literal `$`; a reference to an undeclared name stays as it is written
    const next = value.replace(REFERENCE, (whole, name: string | undefined) => (name !== undefined && names.has(name) ? `\${${variableName(name)}}` : whole));
    return next === value ? undefined : next;
  };
  return {
    key: `vars ${JSON.stringify([[...names].sort(), references])}`,
    apply(value) {
      const apiVersion = typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '';
      const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
      let out = value;
      for (const reference of references) if (selects(reference, apiVersion, kind)) out = editAt(out, reference.path, false, mark) as Readonly<Record<string, unknown>>;
      return out;
    },
  };
}

const REFERENCE = /\$\$|\$\(([^)$]*)\)/g;

/** A name an envsubst variable may have: what is neither a letter, a digit nor `_` becomes `_`. */
function variableName(name: string): string {
  const plain = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(plain) ? plain : `_${plain}`;
}
