import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessageOf, errorPrinting } from './field-error.js';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac.js';

// upstream: pkg/apis/rbac/validation/validation_test.go (v1.36), one row per case, each with the exact messages
describe('rbac validation', () => {
  it.each([
    ['TestValidateRoleValidResource: verbs, api groups and resources', { rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }, []],
    ['TestValidateRoleNoAPIGroup', { rules: [{ verbs: ['get'], resources: ['pods'] }] }, ['rules[0].apiGroups: Required value: resource rules must supply at least one api group']],
    ['TestValidateRoleNoResources', { rules: [{ verbs: ['get'], apiGroups: [''] }] }, ['rules[0].resources: Required value: resource rules must supply at least one resource']],
    ['TestValidateRoleNonResourceURLNoVerbs', { rules: [{ verbs: [], apiGroups: ['apps'], resources: ['deployments'] }] }, ['rules[0].verbs: Required value: verbs must contain at least one value']],
    ['TestValidateRoleNamespacedNonResourceURL', { rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }, ['rules[0].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs']],
    ['TestValidateRoleMixedNonResourceAndResource: a namespaced rule names both errors', { rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics'], resources: ['pods'] }] }, [
      'rules[0].nonResourceURLs: Invalid value: ["/metrics"]: namespaced rules cannot apply to non-resource URLs',
      'rules[0].nonResourceURLs: Invalid value: ["/metrics"]: rules cannot apply to both regular resources and non-resource URLs',
    ]],
  ])('ValidateRole: %s', (_name, role, expected) => {
    expect(validateRole(role).map(errorMessage)).toEqual(expected);
  });

  it.each([
    ['TestValidateRoleNonResourceURL: a cluster role may grant non-resource URLs', { rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/metrics'] }] }, []],
    ['TestValidateRoleMixedNonResourceAndResource', { rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics'], apiGroups: [''] }] }, [
      'rules[0].nonResourceURLs: Invalid value: ["/metrics"]: rules cannot apply to both regular resources and non-resource URLs',
    ]],
    ['an aggregation rule with selectors, and rules the controller fills in', { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-view': 'true' } }] }, rules: [] }, []],
    ['an aggregation rule without selectors', { aggregationRule: {} }, ['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil']],
    ['a selector LabelSelectorAsSelector rejects is also "invalid label selector."', { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In' }] }] } }, [
      "aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'aggregationRule.clusterRoleSelectors[0]: Invalid value: null: invalid label selector.',
    ]],
  ])('ValidateClusterRole: %s', (_name, role, expected) => {
    expect(validateClusterRole(role).map(errorMessage)).toEqual(expected);
  });

  const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' };
  it.each([
    ['TestValidateRoleBinding: every subject kind, the API group defaulted for User and Group', { roleRef, subjects: [{ kind: 'ServiceAccount', name: 'default' }, { kind: 'User', name: 'jane' }, { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' }] }, []],
    ['SetDefaults_RoleBinding gives an empty roleRef.apiGroup the RBAC group', { roleRef: { kind: 'ClusterRole', name: 'view' } }, []],
    ['bad roleRef group, kind and name', { roleRef: { apiGroup: 'rbac', kind: 'Pod', name: 'a/b' } }, [
      'roleRef.apiGroup: Unsupported value: "rbac": supported values: "rbac.authorization.k8s.io"',
      'roleRef.kind: Unsupported value: "Pod": supported values: "Role", "ClusterRole"',
      "roleRef.name: Invalid value: \"a/b\": may not contain '/'",
    ]],
    ['an empty roleRef name', { roleRef: { ...roleRef, name: '' } }, ['roleRef.name: Required value']],
    ['a missing roleRef, roleRef kind or subject kind is the schema\'s finding', { subjects: [{ name: 'jane' }] }, []],
    ['an empty roleRef and subject kind', { roleRef: { ...roleRef, kind: '' }, subjects: [{ kind: '', name: 'jane' }] }, [
      'roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"',
      'subjects[0].kind: Unsupported value: "": supported values: "ServiceAccount", "User", "Group"',
    ]],
    ['bad subjects', { roleRef, subjects: [{ kind: 'ServiceAccount', name: 'Build_Bot', apiGroup: 'v1' }, { kind: 'User', name: 'jane', apiGroup: 'users' }, { kind: 'Team', name: 'x' }, { kind: 'Group', name: '' }] }, [
      "subjects[0].name: Invalid value: \"Build_Bot\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'subjects[0].apiGroup: Unsupported value: "v1": supported values: ""',
      'subjects[1].apiGroup: Unsupported value: "users": supported values: "rbac.authorization.k8s.io"',
      'subjects[2].kind: Unsupported value: "Team": supported values: "ServiceAccount", "User", "Group"',
      'subjects[3].name: Required value',
    ]],
  ])('ValidateRoleBinding: %s', (_name, binding, expected) => {
    expect(validateRoleBinding(binding).map(errorMessage)).toEqual(expected);
  });

  it('prints a rule\'s nonResourceURLs, a []string, with %#v before 1.34 (apimachinery 0.33 ErrorBody) and as JSON since', () => {
    const errors = validateRole({ rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/metrics'] }] });
    expect(errors.map((error) => errorMessageOf(error, errorPrinting('1.33')))).toEqual(['rules[0].nonResourceURLs: Invalid value: []string{"/healthz", "/metrics"}: namespaced rules cannot apply to non-resource URLs']);
    expect(errors.map((error) => errorMessageOf(error, errorPrinting('1.34')))).toEqual(['rules[0].nonResourceURLs: Invalid value: ["/healthz","/metrics"]: namespaced rules cannot apply to non-resource URLs']);
  });

  it.each([
    ['TestValidateClusterRoleBinding: a service account with its namespace', { roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'ci' }] }, []],
    ['a Role and a service account without namespace', { roleRef: { kind: 'Role', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }] }, [
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]],
  ])('ValidateClusterRoleBinding: %s', (_name, binding, expected) => {
    expect(validateClusterRoleBinding(binding).map(errorMessage)).toEqual(expected);
  });
});
