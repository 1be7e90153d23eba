// Label selectors and node selector terms, matched as apimachinery `labels` and component-helpers `nodeaffinity` do.
import { isLabelValue, isQualifiedName } from './label-syntax.js';
import { asArray, asRecord, asStringMap } from './object.js';

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface Requirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A compiled selector: `null` requirements match nothing (nil or invalid selector); `[]` matches everything. */
export interface LabelSelector {
  readonly requirements: readonly Requirement[] | null;
}

export const NOTHING: LabelSelector = { requirements: null };
export const EVERYTHING: LabelSelector = { requirements: [] };

const LABEL_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);
const NODE_OPERATORS = new Set([...LABEL_OPERATORS, 'Gt', 'Lt']);
const INT64 = /^[+-]?\d+$/;
const INT64_MAX = 2n ** 63n - 1n;

/**
 * metav1.LabelSelectorAsSelector: absent selects nothing, `{}` everything, an invalid one nothing (labels.NewRequirement
 * rejects a matchLabels entry with an invalid key or value as it does a matchExpressions one).
 */
export function toLabelSelector(value: unknown): LabelSelector {
  const record = asRecord(value);
  if (!record) return NOTHING;
  const matchLabels = Object.entries(asStringMap(record['matchLabels']));
  if (!matchLabels.every(([key, v]) => isQualifiedName(key) && isLabelValue(v))) return NOTHING;
  const requirements: Requirement[] = matchLabels.map(([key, v]) => ({ key, operator: 'In', values: [v] }));
  for (const entry of asArray(record['matchExpressions'])) {
    const requirement = toRequirement(entry, LABEL_OPERATORS);
    if (!requirement) return NOTHING;
    requirements.push(requirement);
  }
  return { requirements };
}

/** labels.SelectorFromSet: every key must be present with exactly this value. */
export function selectorFromSet(set: Labels): LabelSelector {
  return { requirements: Object.entries(set).map(([key, v]) => ({ key, operator: 'In', values: [v] })) };
}

/** The AND of two selectors. */
export function andSelectors(a: LabelSelector, b: LabelSelector): LabelSelector {
  if (!a.requirements || !b.requirements) return NOTHING;
  return { requirements: [...a.requirements, ...b.requirements] };
}

/** The selector's first `In` requirement: a set of labels it matches holds one of its values under its key. */
export function firstInRequirement(selector: LabelSelector): Requirement | undefined {
  return selector.requirements?.find((r) => r.operator === 'In');
}

/** One label as a map key ("key\0value"). */
export function labelPairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.requirements !== null && selector.requirements.length === 0;
}

export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  if (!selector.requirements) return false;
  for (const requirement of selector.requirements) if (!matchesRequirement(requirement, labels)) return false;
  return true;
}

/** labels.Requirement.Matches, including Gt/Lt's base-10 int64 comparison. */
export function matchesRequirement(requirement: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const left = value === undefined ? undefined : parseInt64(value);
      const right = parseInt64(requirement.values[0] ?? '');
      if (left === undefined || right === undefined) return false;
      return requirement.operator === 'Gt' ? left > right : left < right;
    }
  }
}

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!INT64.test(text)) return undefined;
  const value = BigInt(text);
  return value > INT64_MAX || value < -INT64_MAX - 1n ? undefined : value;
}

// upstream: apimachinery pkg/labels/selector.go NewRequirement (key and every value validated, whatever the operator)
function toRequirement(entry: unknown, operators: ReadonlySet<string>): Requirement | undefined {
  const record = asRecord(entry);
  const key = record?.['key'];
  const operator = record?.['operator'];
  if (typeof key !== 'string' || typeof operator !== 'string' || !operators.has(operator) || !isQualifiedName(key)) return undefined;
  const rawValues = record?.['values'] ?? [];
  if (!Array.isArray(rawValues) || !rawValues.every((v) => typeof v === 'string' && isLabelValue(v))) return undefined;
  const values = rawValues as string[];
  const valid =
    operator === 'In' || operator === 'NotIn'
      ? values.length > 0
      : operator === 'Exists' || operator === 'DoesNotExist'
        ? values.length === 0
        : values.length === 1 && parseInt64(values[0] ?? '') !== undefined;
  return valid ? { key, operator: operator as SelectorOperator, values } : undefined;
}

/** A field requirement on `metadata.name` (the only field node selector terms support). */
export interface NameRequirement {
  readonly operator: 'In' | 'NotIn';
  readonly name: string;
}

/** A parsed NodeSelectorTerm; `null` parts are absent (a term with neither matches nothing). */
export interface NodeSelectorTerm {
  readonly labels: LabelSelector | null;
  readonly fields: readonly NameRequirement[] | null;
  /** False when a requirement cannot be parsed (e.g. `Gt` with a non-integer value): the term never matches. */
  readonly parsed: boolean;
  /** The values of each `metadata.name In` field requirement as written (NodeAffinity's PreFilter reads these). */
  readonly nameIn: readonly (readonly string[])[];
}

/** Terms ORed; a term that cannot be parsed stays and never matches, as LazyErrorNodeSelector does. */
export interface NodeSelector {
  readonly terms: readonly NodeSelectorTerm[];
}

export function toNodeSelector(value: unknown): NodeSelector {
  return { terms: asArray(asRecord(value)?.['nodeSelectorTerms']).map(parseNodeSelectorTerm) };
}

/** One preferred NodeSelectorTerm, or undefined when any of its requirements is malformed. */
export function toNodeSelectorTerm(value: unknown): NodeSelectorTerm | undefined {
  const term = parseNodeSelectorTerm(value);
  return term.parsed ? term : undefined;
}

// upstream: component-helpers/scheduling/corev1/nodeaffinity newNodeSelectorTerm (parse errors kept on the term)
function parseNodeSelectorTerm(value: unknown): NodeSelectorTerm {
  const record = asRecord(value) ?? {};
  const expressions = asArray(record['matchExpressions']);
  const fieldEntries = asArray(record['matchFields']);
  const requirements = expressions.map((entry) => toRequirement(entry, NODE_OPERATORS));
  const fields = fieldEntries.map(toNameRequirement);
  const parsed = requirements.every((r) => r !== undefined) && fields.every((f) => f !== undefined);
  return {
    labels: expressions.length > 0 ? { requirements: requirements.filter((r) => r !== undefined) } : null,
    fields: fieldEntries.length > 0 ? fields.filter((f) => f !== undefined) : null,
    parsed,
    nameIn: fieldEntries.flatMap(nameInValues),
  };
}

/** The values of a `metadata.name In` field requirement (NodeAffinity PreFilter), whatever their number. */
function nameInValues(entry: unknown): string[][] {
  const record = asRecord(entry);
  if (record?.['key'] !== 'metadata.name' || record['operator'] !== 'In') return [];
  return [asArray(record['values']).filter((v): v is string => typeof v === 'string')];
}

function toNameRequirement(entry: unknown): NameRequirement | undefined {
  const record = asRecord(entry);
  const values = asArray(record?.['values']);
  const operator = record?.['operator'];
  const name = values[0];
  if (record?.['key'] !== 'metadata.name' || values.length !== 1 || typeof name !== 'string') return undefined;
  return operator === 'In' || operator === 'NotIn' ? { operator, name } : undefined;
}

/**
 * Whether a node with these labels and this name matches the selector's terms (ORed). An empty name is a node without
 * fields: its terms' matchFields are not checked (upstream: component-helpers nodeaffinity.go extractNodeFields,
 * nodeSelectorTerm.match), as for the unnamed Node storage CheckNodeAffinity builds from a node's labels.
 */
export function matchesNodeSelector(selector: NodeSelector, labels: Labels, nodeName: string): boolean {
  for (const term of selector.terms) if (matchesNodeSelectorTerm(term, labels, nodeName)) return true;
  return false;
}

export function matchesNodeSelectorTerm(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  if (!term.parsed || (!term.labels && !term.fields)) return false;
  if (term.labels && !matchesSelector(term.labels, labels)) return false;
  if (term.fields && nodeName !== '') {
    for (const field of term.fields) if ((field.name === nodeName) !== (field.operator === 'In')) return false;
  }
  return true;
}

/** Label keys a selector reads (for grouping nodes that a selector cannot tell apart). */
export function selectorKeys(selector: LabelSelector | null): string[] {
  return selector?.requirements?.map((requirement) => requirement.key) ?? [];
}

export function nodeSelectorKeys(selector: NodeSelector): string[] {
  return selector.terms.flatMap((term) => selectorKeys(term.labels));
}

export function nodeSelectorUsesName(selector: NodeSelector): boolean {
  return selector.terms.some((term) => term.fields !== null);
}
