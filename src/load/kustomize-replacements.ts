// kustomize's replacements (a kustomization's `replacements:`, which took over from `vars:`): `kustomize build` copies a
// field of one object of the build into fields of others (upstream: api/filters/replacement/replacement.go). kubefit
// does not work the values out: it writes each target field as a substitution variable (`${KUSTOMIZE_REPLACEMENT}`,
// model/substitution.ts), as it does a var reference, so that the checks judging the written value leave alone what
// the build overwrites (kserve's `serviceAccountName: $(llmisvc-serviceAccountName)`).
import { asArray, asRecord } from '../model/object.js';
import { MAX_PATH_STEPS } from './kustomize-field-specs.js';
import { mapItems, type KustomizeTransform } from './kustomized-document.js';
import { selectorOf, type PatchDocument } from './kustomize-patches.js';

type ObjectValue = Readonly<Record<string, unknown>>;

/** What a replaced field holds to kubefit: a value only the build knows. */
export const REPLACED = '${KUSTOMIZE_REPLACEMENT}';

/** One step of a replacement's field path (kustomize's SmarterPathSplitter and PathGetter). */
type Step = { readonly key: string } | { readonly index: number } | { readonly where: string; readonly equals: string } | { readonly all: true };

/**
 * The transforms of a kustomization's replacements, one per target, in order: inline ones, and the documents of the
 * files its `path` entries name (`files`, by entry; each a replacement or a list of them). What a target does is
 * known by the target alone (its fields become REPLACED, whatever the source), so two builds that replace the same
 * fields agree on it, whatever else their lists hold.
 */
export function replacementsTransforms(replacements: readonly unknown[], files: (path: string) => readonly PatchDocument[] | undefined): KustomizeTransform[] {
  const entries = replacements.flatMap((entry) => {
    const path = asRecord(entry)?.['path'];
    if (typeof path !== 'string') return [entry];
    return (files(path) ?? []).flatMap((document) => (Array.isArray(document.value) ? document.value : [document.value]));
  });
  return entries.flatMap((entry) => asArray(asRecord(entry)?.['targets'])).flatMap((written) =>
    targetOf(asRecord(written)).map((target) => ({
      key: `replacement target ${JSON.stringify(written)}`,
      apply: (value, original) => {
        if (!target.selects(value, original) || target.rejects(value, original)) return value;
        let out = value;
        for (const steps of target.fields) out = (replaced(out, steps, target.create) as ObjectValue | undefined) ?? out;
        return out;
      },
    })),
  );
}

interface Target {
  selects(value: ObjectValue, original: ObjectValue): boolean;
  rejects(value: ObjectValue, original: ObjectValue): boolean;
  readonly fields: readonly (readonly Step[])[];
  readonly create: boolean;
}

function targetOf(target: ObjectValue | undefined): Target[] {
  const select = asRecord(target?.['select']);
  if (!target || !select) return [];
  const rejects = asArray(target['reject']).flatMap((reject) => (asRecord(reject) ? [selectorOf(asRecord(reject) ?? {})] : []));
  // a path deeper than any document the loader reads has no value there, and creating it would only nest maps
  const fields = asArray(target['fieldPaths']).flatMap((path) => (typeof path === 'string' && path !== '' ? [stepsOf(path)] : [])).filter((steps) => steps.length <= MAX_PATH_STEPS);
  return [{ selects: selectorOf(select), rejects: (value, original) => rejects.some((reject) => reject(value, original)), fields, create: asRecord(target['options'])?.['create'] === true }];
}

/**
 * `a.b.[x.y].[name=c].0.*`: steps as kustomize splits a field path (upstream: api/internal/utils/pathsplitter.go
 * SmarterPathSplitter): on dots, but not escaped ones (`a\.b`) or those inside brackets; a leading dot is ignored.
 */
function stepsOf(path: string): Step[] {
  const parts: string[] = [];
  for (const piece of path.split('.')) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last]?.endsWith('\\')) parts[last] = `${parts[last]?.slice(0, -1) ?? ''}.${piece}`;
    else parts.push(piece);
  }
  if (parts.length > 1 && parts[0] === '') parts.shift();
  const steps: Step[] = [];
  for (let index = 0; index < parts.length; index++) {
    let part = parts[index] ?? '';
    // a bracketed element runs to the part that ends it
    while (part.startsWith('[') && !part.endsWith(']') && index < parts.length - 1) part += `.${parts[++index] ?? ''}`;
    steps.push(stepOf(part));
  }
  return steps;
}

function stepOf(part: string): Step {
  if (part === '*') return { all: true };
  if (/^\d+$/.test(part)) return { index: Number(part) };
  const bracket = /^\[(.*)\]$/.exec(part)?.[1];
  if (bracket === undefined) return { key: part };
  const equals = bracket.indexOf('=');
  return equals < 0 ? { key: bracket } : { where: bracket.slice(0, equals), equals: bracket.slice(equals + 1) };
}

/** `node` with the scalar at `steps` replaced by REPLACED (created when `create`), or undefined when nothing changes. */
function replaced(node: unknown, steps: readonly Step[], create: boolean): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) {
    // a field that holds a mapping or a list is left as written: what replaces it is unknown, not a string
    const scalar = node === undefined || node === null || typeof node !== 'object';
    return scalar && node !== REPLACED ? REPLACED : undefined;
  }
  if (Array.isArray(node)) {
    if ('key' in step) return undefined;
    const next = mapItems(node as unknown[], (item, index) => {
      const matches = 'all' in step || ('index' in step ? step.index === index : String(asRecord(item)?.[step.where]) === step.equals);
      return matches ? (replaced(item, rest, create) ?? item) : item;
    });
    return next === node ? undefined : next;
  }
  const map = asRecord(node);
  if (!map) return undefined;
  if ('all' in step) {
    let out: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(map)) {
      const next = replaced(child, rest, create);
      if (next !== undefined) (out ??= { ...map })[key] = next;
    }
    return out;
  }
  if (!('key' in step)) return undefined;
  const child = map[step.key];
  if (child === undefined && !create) return undefined;
  const next = replaced(child ?? (rest.length > 0 ? {} : undefined), rest, create);
  return next === undefined ? undefined : { ...map, [step.key]: next };
}
