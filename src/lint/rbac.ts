// RBAC PolicyRules of Roles and ClusterRoles, and what they grant, as the RBAC authorizer matches them.
// upstream: pkg/apis/rbac/v1/evaluation_helpers.go VerbMatches, APIGroupMatches, ResourceMatches
import type { Path } from '../model/document.js';
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import type { LintIndex } from './lint-index.js';

export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly path: Path;
}

export const ROLE_KINDS = ['Role', 'ClusterRole'];

export function policyRules(role: KubeObject): PolicyRule[] {
  return asArray(role.value['rules']).flatMap((entry, index) => {
    const rule = asRecord(entry);
    if (!rule) return [];
    const strings = (field: string) => asArray(rule[field]).filter((value): value is string => typeof value === 'string');
    return [{ apiGroups: strings('apiGroups'), resources: strings('resources'), verbs: strings('verbs'), resourceNames: strings('resourceNames'), path: ['rules', index] }];
  });
}

/** Whether the rule lets `verb` act on every object of the core-group `resource`. */
export function grantsCore(rule: PolicyRule, verb: string, resource: string): boolean {
  return (
    (rule.apiGroups.includes('') || rule.apiGroups.includes('*')) &&
    (rule.resources.includes(resource) || rule.resources.includes('*')) &&
    (rule.verbs.includes(verb) || rule.verbs.includes('*')) &&
    rule.resourceNames.length === 0
  );
}

/** Some Role of the namespace or some ClusterRole of the inputs may create `resource`: a controller may make them. */
export function mayBeCreatedInCluster(index: LintIndex, namespace: string, resource: string): boolean {
  const roles = [...index.ofKind('ClusterRole'), ...index.ofKind('Role', namespace)];
  return roles.some((role) => policyRules(role).some((rule) => grantsCore(rule, 'create', resource)));
}

/** Positions of the entries of one PolicyRule list (verbs, resources) equal to one of `values`. */
export function entriesOf(rule: PolicyRule, field: 'verbs' | 'resources', values: readonly string[]): { value: string; at: Path }[] {
  return rule[field].flatMap((value, index) => (values.includes(value) ? [{ value, at: rule.path.concat(field, index) }] : []));
}

/**
 * Positions of the entries of a rule's resources that grant one of the `subresources` of `resource`, as the RBAC
 * authorizer's ResourceMatches reads them: `pods/exec` itself or `*\/exec` for every resource's exec (`pods/*` is no
 * wildcard, only a name that matches nothing). A bare `*` is left to rbac-wildcard.
 */
export function subresourceEntries(rule: PolicyRule, resource: string, subresources: readonly string[]): { value: string; at: Path }[] {
  return entriesOf(rule, 'resources', subresources.flatMap((subresource) => [`${resource}/${subresource}`, `*/${subresource}`]));
}

/** The Roles or ClusterRoles that hold rules (an aggregated ClusterRole's rules are filled in by the controller). */
export function isAggregated(role: KubeObject): boolean {
  return asRecord(role.value['aggregationRule']) !== undefined;
}
