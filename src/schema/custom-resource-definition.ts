// CustomResourceDefinitions among the inputs: what each serves, and which one wins when a name is defined twice.
import { findingAt, type Finding } from '../model/finding.js';
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';

type Schema = Record<string, unknown>;

export interface CustomResourceVersion {
  readonly name: string;
  readonly served: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning: string | undefined;
  readonly schema: Schema | undefined;
  readonly hasStatusSubresource: boolean;
}

export interface CustomResourceDefinition {
  readonly object: KubeObject;
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  readonly versions: readonly CustomResourceVersion[];
  /** Versions that an earlier, different copy of the same CRD in the inputs serves (see DUPLICATE_CRD). */
  readonly servedByOtherCopies?: ReadonlySet<string>;
}

export const DUPLICATE_CRD: RuleMeta = {
  id: 'duplicate-crd',
  severity: 'warning',
  category: 'schema',
  description: 'two CustomResourceDefinitions with the same name and different specs in one run (e.g. a standard and an experimental channel)',
  rationale: 'Applying both leaves only the last one in the cluster, so custom resources are validated by a definition the author may not expect.',
  remediation: 'Pass only one definition of each CustomResourceDefinition (one release channel) to kubefit.',
  defaultOn: true,
};

export interface CustomResourceDefinitions {
  /** The definition per `group/kind`: the last one in input order, as `kubectl apply` of all inputs leaves it. */
  readonly byGroupKind: ReadonlyMap<string, CustomResourceDefinition>;
  /** Kinds defined per API group, for "did you mean". */
  readonly kindsByGroup: ReadonlyMap<string, readonly string[]>;
  readonly findings: readonly Finding[];
}

/**
 * The CustomResourceDefinitions of `objects`. A name defined more than once with different specs gets one warning, at
 * its second definition, naming the last one (which validates); identical copies (alternative install bundles) do not.
 */
export function collectDefinitions(objects: readonly KubeObject[]): CustomResourceDefinitions {
  const byName = new Map<string, CustomResourceDefinition[]>();
  for (const object of objects) {
    const definition = toDefinition(object);
    if (definition) byName.set(definition.name, [...(byName.get(definition.name) ?? []), definition]);
  }
  const findings: Finding[] = [];
  const byGroupKind = new Map<string, CustomResourceDefinition>();
  const kindsByGroup = new Map<string, string[]>();
  for (const definitions of byName.values()) {
    const last = definitions[definitions.length - 1];
    if (!last) continue;
    const warning = redefinitionWarning(definitions, last);
    if (warning) findings.push(warning);
    const others = new Set(definitions.slice(0, -1).flatMap((copy) => copy.versions.filter((version) => version.served).map((version) => version.name)));
    byGroupKind.set(groupKind(last.group, last.kind), others.size > 0 ? { ...last, servedByOtherCopies: others } : last);
    kindsByGroup.set(last.group, [...(kindsByGroup.get(last.group) ?? []), last.kind]);
  }
  return { byGroupKind, kindsByGroup, findings };
}

export function groupKind(group: string, kind: string): string {
  return `${group}/${kind}`;
}

function redefinitionWarning(definitions: readonly CustomResourceDefinition[], last: CustomResourceDefinition): Finding | undefined {
  const [first, second] = definitions;
  if (!first || !second) return undefined;
  const spec = JSON.stringify(first.object.value['spec']);
  if (definitions.every((definition) => JSON.stringify(definition.object.value['spec']) === spec)) return undefined;
  const where = (definition: CustomResourceDefinition) => {
    const range = definition.object.rangeOf([]);
    return `${range.file}:${range.line}`;
  };
  const validates = last === second ? 'this definition' : `the last one (${where(last)})`;
  const message = `CustomResourceDefinition ${second.name} is defined more than once with different specs (first at ${where(first)}): ${validates} validates its custom resources`;
  return findingAt(second.object, ['metadata', 'name'], { ruleId: DUPLICATE_CRD.id, severity: DUPLICATE_CRD.severity, message });
}

function toDefinition(object: KubeObject): CustomResourceDefinition | undefined {
  if (object.fromCluster || object.ref.apiVersion !== 'apiextensions.k8s.io/v1' || object.ref.kind !== 'CustomResourceDefinition') return undefined;
  const spec = asRecord(object.value['spec']);
  const group = spec?.['group'];
  const kind = asRecord(spec?.['names'])?.['kind'];
  if (typeof group !== 'string' || typeof kind !== 'string') return undefined;
  const versions = asArray(spec?.['versions']).flatMap((entry) => toVersion(asRecord(entry) ?? {}) ?? []);
  const name = object.ref.name || `${String(asRecord(spec?.['names'])?.['plural'] ?? kind.toLowerCase())}.${group}`;
  return { object, name, group, kind, versions };
}

function toVersion(version: Readonly<Record<string, unknown>>): CustomResourceVersion | undefined {
  const name = version['name'];
  if (typeof name !== 'string') return undefined;
  const warning = version['deprecationWarning'];
  return {
    name,
    served: version['served'] !== false,
    deprecated: version['deprecated'] === true,
    deprecationWarning: typeof warning === 'string' ? warning : undefined,
    schema: asRecord(asRecord(version['schema'])?.['openAPIV3Schema']) as Schema | undefined,
    hasStatusSubresource: asRecord(asRecord(version['subresources'])?.['status']) !== undefined,
  };
}
