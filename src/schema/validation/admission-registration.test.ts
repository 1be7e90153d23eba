import { describe, expect, it } from 'vitest';
import { validateValidatingAdmissionPolicy, validateWebhookConfiguration } from './admission-registration.js';
import { errorMessage } from './field-error.js';
import { contextOf } from './index.js';

const hook = (fields: Record<string, unknown>): Record<string, unknown> => ({
  name: 'pods.policy.example.com',
  clientConfig: { service: { name: 'svc', namespace: 'ns', path: '/validate' } },
  rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
  sideEffects: 'None',
  admissionReviewVersions: ['v1'],
  ...fields,
});
const errors = (...webhooks: Record<string, unknown>[]): string[] => validateWebhookConfiguration({ webhooks }, contextOf('1.36')).map(errorMessage);
const rule = (fields: Record<string, unknown>) => hook({ rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], ...fields }] });

// Cases after upstream pkg/apis/admissionregistration/validation/validation_test.go TestValidateValidatingWebhookConfiguration
// and TestValidateMutatingWebhookConfiguration; messages from validation.go and apiserver's util/webhook/validation.go.
describe('webhook configurations on create', () => {
  it('accepts a complete webhook, and a url client config', () => {
    expect(errors(hook({}))).toEqual([]);
    expect(errors(hook({ clientConfig: { url: 'https://webhook.example.com:8443/validate' } }))).toEqual([]);
  });

  it('wants fully qualified, unique webhook names (IsFullyQualifiedName, requireUniqueWebhookNames)', () => {
    expect(errors(hook({ name: 'Bad_Name' }), hook({ name: 'twosegments.org' }), hook({}), hook({}), hook({ name: '' }))).toEqual([
      "webhooks[0].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'webhooks[1].name: Invalid value: "twosegments.org": should be a domain with at least three segments separated by dots',
      'webhooks[3].name: Duplicate value: "pods.policy.example.com"',
      'webhooks[4].name: Required value',
    ]);
  });

  it('checks rules: operations, wildcards, empty versions and subresource overlaps (validateRuleWithOperations)', () => {
    expect(errors(rule({ operations: [] }))).toEqual(['webhooks[0].rules[0].operations: Required value']);
    expect(errors(rule({ operations: ['*', 'CREATE', 'create'] }))).toEqual([
      'webhooks[0].rules[0].operations: Invalid value: ["*","CREATE","create"]: if \'*\' is present, must not specify other operations',
      'webhooks[0].rules[0].operations[2]: Unsupported value: "create": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
    ]);
    expect(errors(rule({ apiGroups: undefined, apiVersions: ['*', 'v1', ''] }))).toEqual([
      'webhooks[0].rules[0].apiGroups: Required value',
      'webhooks[0].rules[0].apiVersions: Invalid value: ["*","v1",""]: if \'*\' is present, must not specify other API versions',
      'webhooks[0].rules[0].apiVersions[2]: Required value',
    ]);
    expect(errors(rule({ resources: ['pods/*', 'pods/status', '*/*'] }))).toEqual([
      "webhooks[0].rules[0].resources[1]: Invalid value: \"pods/status\": if 'pods/*' is present, must not specify pods/status",
      'webhooks[0].rules[0].resources: Invalid value: ["pods/*","pods/status","*/*"]: if \'*/*\' is present, must not specify other resources',
    ]);
    expect(errors(rule({ resources: ['*', 'pods', ''] }))).toEqual([
      'webhooks[0].rules[0].resources[2]: Required value',
      'webhooks[0].rules[0].resources: Invalid value: ["*","pods",""]: if \'*\' is present, must not specify other resources without subresources',
    ]);
    expect(errors(rule({ resources: ['*', '*/scale'] }))).toEqual([]);
  });

  it('takes only side effects None or NoneOnDryRun, timeouts from 1 to 30 seconds', () => {
    expect(errors(hook({ sideEffects: 'Some', timeoutSeconds: 31 }))).toEqual([
      'webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"',
      'webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds',
    ]);
    expect(errors(hook({ sideEffects: 'NoneOnDryRun', timeoutSeconds: 30 }))).toEqual([]);
  });

  it('validates the selectors as label selectors', () => {
    expect(errors(hook({ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In' }] } }))).toEqual([
      "webhooks[0].namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
  });

  it('wants exactly one of url and service, an https url without user, query or fragment (ValidateWebhookURL)', () => {
    expect(errors(hook({ clientConfig: {} }))).toEqual(['webhooks[0].clientConfig: Required value: exactly one of url or service is required']);
    expect(errors(hook({ clientConfig: { url: 'https://a.example.com', service: { name: 's', namespace: 'n' } } }))).toEqual([
      'webhooks[0].clientConfig: Required value: exactly one of url or service is required',
    ]);
    expect(errors(hook({ clientConfig: { url: 'HTTP://user@/hook?x=1#top' } }))).toEqual([
      "webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]",
      'webhooks[0].clientConfig.url: Invalid value: "": host must be specified; desired format: https://host[/path]',
      'webhooks[0].clientConfig.url: Invalid value: "user": user information is not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "top": fragments are not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "x=1": query parameters are not permitted in the URL',
    ]);
  });

  it('checks the service port and path, and reports empty names where upstream does (ValidateWebhookService)', () => {
    expect(errors(hook({ clientConfig: { service: { name: 's', namespace: 'n', port: 0, path: 'a//B' } } }))).toEqual([
      'webhooks[0].clientConfig.service.port: Invalid value: 0: port is not valid: must be between 1 and 65535, inclusive',
      'webhooks[0].clientConfig.service.path: Invalid value: "a//B": must start with a \'/\'',
      // the first character is dropped whatever it is: "//B" is three segments
      'webhooks[0].clientConfig.service.path: Invalid value: "a//B": segment[0] may not be empty',
      'webhooks[0].clientConfig.service.path: Invalid value: "a//B": segment[1] may not be empty',
      "webhooks[0].clientConfig.service.path: Invalid value: \"a//B\": segment[2]: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(errors(hook({ clientConfig: { service: { name: 's', namespace: 'n', path: '//' } } }))).toEqual(['webhooks[0].clientConfig.service.path: Invalid value: "//": segment[0] may not be empty']);
    // the arguments swapped upstream (kubernetes#141353): an empty namespace is reported at name
    expect(errors(hook({ clientConfig: { service: { name: 's', namespace: '' } } }))).toEqual(['webhooks[0].clientConfig.service.name: Required value']);
    // apiserver util/webhook ValidateWebhookService: the details went in 1.34 (kubernetes#132472)
    expect(validateWebhookConfiguration({ webhooks: [hook({ clientConfig: { service: { name: '', namespace: 'n' } } })] }, contextOf('1.33')).map(errorMessage)).toEqual([
      'webhooks[0].clientConfig.service.namespace: Required value: service namespace is required',
    ]);
  });

  it('checks match conditions: at most 64, named by qualified names, unique, with an expression', () => {
    const condition = (name: string, expression = 'true') => ({ name, expression });
    expect(errors(hook({ matchConditions: [condition('exclude/leases'), condition('bad name'), condition('exclude/leases', '  '), condition('')] }))).toEqual([
      "webhooks[0].matchConditions[1].name: Invalid value: \"bad name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'webhooks[0].matchConditions[2].expression: Required value',
      'webhooks[0].matchConditions[2].name: Duplicate value: "exclude/leases"',
      'webhooks[0].matchConditions[3].name: Required value',
    ]);
    expect(errors(hook({ matchConditions: Array.from({ length: 65 }, (_, i) => condition(`c${i}`)) }))).toEqual(['webhooks[0].matchConditions: Too many: 65: must have at most 64 items']);
  });

  it('wants AdmissionReview versions that include v1 or v1beta1, each once (validateAdmissionReviewVersions)', () => {
    expect(errors(hook({ admissionReviewVersions: [] }))).toEqual(['webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1']);
    expect(errors(hook({ admissionReviewVersions: ['v2', 'v2', 'V3'] }))).toEqual([
      'webhooks[0].admissionReviewVersions[1]: Invalid value: "v2": duplicate version',
      "webhooks[0].admissionReviewVersions[2]: Invalid value: \"V3\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      'webhooks[0].admissionReviewVersions: Invalid value: ["v2","v2","V3"]: must include at least one of v1, v1beta1',
    ]);
  });

  // upstream: validateMatchCondition, validateVariable, validateAuditAnnotation trim with Go's strings.TrimSpace, which
  // takes U+0085 (NEL) as space and leaves U+FEFF, unlike JavaScript's trim()
  it('reads an expression of only Go white space as empty, and one of U+FEFF as written', () => {
    expect(errors(hook({ matchConditions: [{ name: 'nel', expression: '\u0085' }, { name: 'bom', expression: '\ufeff' }] }))).toEqual(['webhooks[0].matchConditions[0].expression: Required value']);
    const policy = { metadata: { name: 'p' }, spec: { matchConstraints: { resourceRules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }] }, variables: [{ name: 'v', expression: '\u0085' }], auditAnnotations: [{ key: 'k', valueExpression: '\u0085 ' }] } };
    expect(validateValidatingAdmissionPolicy(policy).map(errorMessage)).toEqual([
      'spec.variables[0].expression: Required value: expression is not specified',
      'spec.auditAnnotations[0].valueExpression: Required value: valueExpression is not specified',
    ]);
  });
});
