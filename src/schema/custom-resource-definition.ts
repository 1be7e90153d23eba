// CustomResourceDefinitions among the inputs: what each serves, and which one wins when a name is defined twice.
import { canonicalJson } from '../model/canonical-json.js';
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
  /** Identifies the schema by content when its CRD's document has a digest (ManifestDocument.digest). */
  readonly schemaOrigin: string | undefined;
  readonly hasStatusSubresource: boolean;
}

export interface CustomResourceDefinition {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  /** The resource name (spec.names.plural) that admission webhook rules name. */
  readonly plural: string;
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

/** The copies of one CRD name read so far: the last one whole, of the others only what the warning and hints need. */
interface Copies {
  last: CustomResourceDefinition;
  lastAt: string;
  readonly firstAt: string;
  /** The first copy's spec, until a second copy is compared with it (then its JSON). */
  firstSpec: unknown;
  firstJson: string | undefined;
  differs: boolean;
  /** The warning's finding at the second copy's name (its message is written once the last copy is known). */
  second: { finding: Finding; isLast: boolean } | undefined;
  /** Versions the copies before the last serve. */
  readonly servedByOthers: Set<string>;
}

/**
 * The CustomResourceDefinitions among the inputs, read one object at a time (add each while its document is in memory;
 * no CRD object is kept). A name defined more than once with different specs gets one warning, at its second
 * definition, naming the last one (which validates); identical copies (alternative install bundles) do not.
 */
export class DefinitionCollector {
  readonly #byName = new Map<string, Copies>();
  /** Definitions of the --context files: the last copy of each name, used only for names the inputs do not define. */
  readonly #context = new Map<string, CustomResourceDefinition>();

  add(object: KubeObject): void {
    const definition = toDefinition(object);
    if (!definition) return;
    const copies = this.#byName.get(definition.name);
    const at = whereIs(object);
    if (!copies) {
      this.#byName.set(definition.name, { last: definition, lastAt: at, firstAt: at, firstSpec: object.value['spec'], firstJson: undefined, differs: false, second: undefined, servedByOthers: new Set() });
      return;
    }
    for (const version of copies.last.versions) if (version.served) copies.servedByOthers.add(version.name);
    copies.firstJson ??= canonicalJson(copies.firstSpec);
    copies.firstSpec = undefined;
    if (!copies.differs && canonicalJson(object.value['spec']) !== copies.firstJson) copies.differs = true;
    if (copies.second) copies.second.isLast = false;
    else copies.second = { finding: findingAt(object, ['metadata', 'name'], { ruleId: DUPLICATE_CRD.id, severity: DUPLICATE_CRD.severity, message: '' }), isLast: true };
    copies.last = definition;
    copies.lastAt = at;
  }

  /**
   * A CustomResourceDefinition of the --context files (a pre-commit hook's repository beside the staged files): it
   * validates custom resources as one among the inputs would, unless the inputs define the same name or group and
   * kind; it is never reported on (no duplicate-crd warning).
   */
  addContext(object: KubeObject): void {
    const definition = toDefinition(object);
    if (definition) this.#context.set(definition.name, definition);
  }

  result(): CustomResourceDefinitions {
    const findings: Finding[] = [];
    const byGroupKind = new Map<string, CustomResourceDefinition>();
    const kindsByGroup = new Map<string, string[]>();
    const use = (definition: CustomResourceDefinition) => {
      byGroupKind.set(groupKind(definition.group, definition.kind), definition);
      kindsByGroup.set(definition.group, [...(kindsByGroup.get(definition.group) ?? []), definition.kind]);
    };
    for (const copies of this.#byName.values()) {
      const { last, servedByOthers } = copies;
      const warning = redefinitionWarning(copies);
      if (warning) findings.push(warning);
      use(servedByOthers.size > 0 ? { ...last, servedByOtherCopies: servedByOthers } : last);
    }
    for (const [name, definition] of this.#context) {
      if (!this.#byName.has(name) && !byGroupKind.has(groupKind(definition.group, definition.kind))) use(definition);
    }
    return { byGroupKind, kindsByGroup, findings };
  }
}

export function groupKind(group: string, kind: string): string {
  return `${group}/${kind}`;
}

function redefinitionWarning(copies: Copies): Finding | undefined {
  if (!copies.second || !copies.differs) return undefined;
  const validates = copies.second.isLast ? 'this definition' : `the last one (${copies.lastAt})`;
  const message = `CustomResourceDefinition ${copies.last.name} is defined more than once with different specs (first at ${copies.firstAt}): ${validates} validates its custom resources`;
  return { ...copies.second.finding, message };
}

function whereIs(object: KubeObject): string {
  const range = object.rangeOf([]);
  return `${range.file}:${range.line}`;
}

function toDefinition(object: KubeObject): CustomResourceDefinition | undefined {
  if (object.fromCluster || object.ref.apiVersion !== 'apiextensions.k8s.io/v1' || object.ref.kind !== 'CustomResourceDefinition') return undefined;
  const spec = asRecord(object.value['spec']);
  const group = spec?.['group'];
  const kind = asRecord(spec?.['names'])?.['kind'];
  if (typeof group !== 'string' || typeof kind !== 'string') return undefined;
  const { digest } = object.document;
  const origin = (index: number) => (digest === undefined ? undefined : `${digest} ${JSON.stringify(object.basePath)} ${index}`);
  const versions = asArray(spec?.['versions']).flatMap((entry, index) => toVersion(asRecord(entry) ?? {}, origin(index)) ?? []);
  const plural = String(asRecord(spec?.['names'])?.['plural'] ?? kind.toLowerCase());
  const name = object.ref.name || `${plural}.${group}`;
  return { name, group, kind, plural, versions };
}

function toVersion(version: Readonly<Record<string, unknown>>, schemaOrigin: string | undefined): CustomResourceVersion | undefined {
  const name = version['name'];
  if (typeof name !== 'string') return undefined;
  const warning = version['deprecationWarning'];
  const schemaHolder = asRecord(version['schema']);
  return {
    name,
    served: version['served'] !== false,
    deprecated: version['deprecated'] === true,
    deprecationWarning: typeof warning === 'string' ? warning : undefined,
    // read when a custom resource of this version is validated: a --context CRD's schema is parsed only then
    get schema() {
      return asRecord(schemaHolder?.['openAPIV3Schema']) as Schema | undefined;
    },
    schemaOrigin,
    hasStatusSubresource: asRecord(asRecord(version['subresources'])?.['status']) !== undefined,
  };
}
