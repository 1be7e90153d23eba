import { describe, expect, it } from 'vitest';
import { loadManifests } from '../load/load-manifests.js';
import { validateObjects } from './validate.js';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

async function check(file: string, kubernetesVersion?: string): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema/crd' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map(
    (finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`,
  );
}

describe('custom resources with their CustomResourceDefinition', () => {
  it('structural schemas: branches add value checks only, and a failed oneOf names the closest branch', async () => {
    expect(await check('structural-branches.yaml')).toEqual([
      '60:7 error schema: spec.trustedCertificates[0] matches none of the forms the schema allows, got a mapping; closest is oneOf[0]: missing required field "certificate" in spec.trustedCertificates[0]',
      '61:7 error schema: unknown field "certficate" in spec.trustedCertificates[0] (did you mean "certificate"?)',
      '62:7 error schema: spec.trustedCertificates[1] must match exactly one form (oneOf), but matches oneOf[0] and oneOf[1]',
      '65:9 error schema: spec.mode matches a form the schema forbids (not), got "legacy"',
    ]);
  });

  it('explains a failed oneOf under a list\'s items with that item\'s own closest branch (Gateway API spec.addresses)', async () => {
    const closest = (index: number, value: string) =>
      `error schema: spec.addresses[${index}] matches none of the forms the schema allows, got a mapping; closest is oneOf[0]: spec.addresses[${index}].value matches none of the forms the schema allows, got "${value}"; closest is anyOf[0]: spec.addresses[${index}].value: Invalid value: "${value}": spec.addresses[${index}].value in body must be of type ipv4: "${value}"`;
    expect(await check('list-branches.yaml')).toEqual([`47:7 ${closest(0, '1.1.1')}`, `48:7 ${closest(1, '1.a.3.4')}`, `52:7 ${closest(4, '256.255.255.255')}`]);
  });

  it('reads OpenAPI v3.0 boolean exclusiveMaximum/exclusiveMinimum as making maximum/minimum exclusive, in the API server\'s words', async () => {
    expect(await check('exclusive-bounds.yaml')).toEqual([
      '47:11 error schema: spec.weight: Invalid value: 0: spec.weight in body should be greater than 0',
      '48:10 error schema: spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1',
      '55:11 error schema: spec.weight: Invalid value: 101: spec.weight in body should be less than or equal to 100',
    ]);
  });

  it('reports lengths, item counts and multiples in the API server\'s words (field.TooLong, field.TooMany, kube-openapi\'s messages in field.Invalid)', async () => {
    expect(await check('size-limits.yaml')).toEqual([
      '68:11 error schema: spec.prefix: Too long: may not be more than 4 bytes',
      '69:9 error schema: spec.code: Too long: may not be more than 1 byte',
      '70:10 error schema: spec.hosts: Too many: 3: must have at most 2 items',
      '71:10 error schema: spec.owner: Too many: 2: must have at most 1 item',
      '72:11 error schema: spec.labels: Too many: 3: must have at most 2 items',
      '73:9 error schema: spec.step: Invalid value: 7: spec.step in body should be a multiple of 5',
      '80:11 error schema: spec.prefix: Invalid value: "a": spec.prefix in body should be at least 2 chars long',
      '81:10 error schema: spec.hosts: Invalid value: 0: spec.hosts in body should have at least 1 items',
      '82:11 error schema: spec.labels: Invalid value: 0: spec.labels in body should have at least 1 properties',
    ]);
  });

  it('reports items repeating an x-kubernetes-list-type set or the keys of a map (defaults applied first) as Duplicate values (listtype.ValidateListSetsAndMaps)', async () => {
    expect(await check('list-types.yaml')).toEqual([
      '84:41 error schema: spec.hosts[2]: Duplicate value: "a.example.com"',
      '88:7 error schema: spec.listeners[1]: Duplicate value: {"name":"http"}',
      // a map key is required (or defaulted) as the API server wants of a CRD; items without it still compare equal
      '90:7 error schema: missing required field "name" in spec.listeners[2]',
      '91:7 error schema: missing required field "name" in spec.listeners[3]',
      '91:7 error schema: spec.listeners[3]: Duplicate value: {}',
      '94:7 error schema: spec.ports[1]: Duplicate value: {"port":80,"protocol":"TCP"}',
      '97:14 error schema: spec.routes[web][1]: Duplicate value: "/"',
    ]);
  });

  it('prints a repeated map key with %#v up to 1.33, as apimachinery 0.33 ErrorBody prints a map[string]interface{} (json.Marshal from 0.34)', async () => {
    expect(await check('list-types.yaml', '1.33')).toEqual([
      '84:41 error schema: spec.hosts[2]: Duplicate value: "a.example.com"',
      '88:7 error schema: spec.listeners[1]: Duplicate value: map[string]interface {}{"name":"http"}',
      '90:7 error schema: missing required field "name" in spec.listeners[2]',
      '91:7 error schema: missing required field "name" in spec.listeners[3]',
      '91:7 error schema: spec.listeners[3]: Duplicate value: map[string]interface {}{}',
      '94:7 error schema: spec.ports[1]: Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}',
      '97:14 error schema: spec.routes[web][1]: Duplicate value: "/"',
    ]);
  });

  it('leaves a missing required field that a mutating webhook of the inputs may set on create to the webhook (an info), and the CEL rules with it', async () => {
    expect(await check('mutating-webhook.yaml')).toEqual([
      '50:1 error schema: <nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      '54:13 error schema: spec.replicas must be an integer, got "many"',
      '56:7 info schema: missing required field "name" in spec.rules[0]: MutatingWebhookConfiguration jobset-defaulter of the inputs intercepts its creation and may set it before validation, so it is not judged',
      '64:7 info schema: missing required field "name" in spec.rules[0]: MutatingWebhookConfiguration jobset-defaulter of the inputs intercepts its creation and may set it before validation, so it is not judged',
    ]);
  });

  it('takes a webhook that names another version of the CRD to intercept this one too, unless its matchPolicy is Exact', async () => {
    expect(await check('mutating-webhook-equivalent.yaml')).toEqual([
      '77:1 info schema: missing required field "size" in spec: MutatingWebhookConfiguration defaulters of the inputs intercepts its creation and may set it before validation, so it is not judged',
      '82:1 error schema: missing required field "size" in spec',
    ]);
  });

  it('warns once at a CRD name redefined with another spec, naming the last definition, which validates; identical copies are fine', async () => {
    expect(await check('duplicate-crd.yaml')).toEqual([
      '27:9 warning duplicate-crd: CustomResourceDefinition gateways.example.com is defined more than once with different specs (first at duplicate-crd.yaml:2): the last one (duplicate-crd.yaml:55) validates its custom resources',
    ]);
  });

  it('only warns about a version that another copy of a redefined CRD serves (the verdict depends on the apply order)', async () => {
    const findings = await check('duplicate-crd-versions.yaml');
    expect(findings.filter((finding) => finding.includes('unknown-kind'))).toEqual([
      '24:13 warning unknown-kind: no matches for kind "Application" in version "example.com/v1": CustomResourceDefinition applications.example.com defines no version v1; it serves v1alpha1; another copy of this CustomResourceDefinition in the inputs serves it (the last one applied wins)',
    ]);
  });

  it('rejects versions the CRD does not serve or define, and its group written as the apiVersion; warns about deprecated versions and kinds that look like a typo of a defined kind (not one that extends it by a word)', async () => {
    expect(await check('versions.yaml')).toEqual([
      '20:13 warning deprecated-api: example.com/v1beta1 Widget is deprecated; use example.com/v1 Widget',
      '24:13 warning deprecated-api: example.com/v1beta2 Widget is going away; use example.com/v1',
      '28:13 error unknown-kind: no matches for kind "Widget" in version "example.com/v1alpha1": CustomResourceDefinition widgets.example.com does not serve v1alpha1 (served: false); it serves v1, v1beta1, v1beta2',
      '32:13 error unknown-kind: no matches for kind "Widget" in version "example.com/v2": CustomResourceDefinition widgets.example.com defines no version v2 (did you mean example.com/v1?)',
      '37:7 warning unknown-kind: no schema for custom resource example.com/v1 Widgit (did you mean Widget? no CustomResourceDefinition in the inputs defines Widgit)',
      '42:7 info unknown-kind: no schema for custom resource example.com/v1 WidgetRun: not validated',
      '47:13 error unknown-kind: no matches for kind "Widget" in version "example.com": example.com is the API group of CustomResourceDefinition widgets.example.com, not a version (did you mean example.com/v1?)',
    ]);
  });

  it('reports a value outside an enum in the API server\'s words (kubeOpenAPIResultToFieldErrors EnumFailCode: field.NotSupported)', async () => {
    expect(await check('enum-words.yaml')).toEqual([
      '32:10 error schema: spec.match: Unsupported value: "Regex": supported values: "Exact", "Prefix"',
      '33:11 error schema: spec.weight: Unsupported value: 5: supported values: "1", "10"',
      '36:17 error schema: spec.backends[1].protocol: Unsupported value: "TCP": supported values: "HTTP", "GRPC"',
    ]);
  });

  it('reports an unknown field whose value is null, in metadata and in the schema (pruned by its name)', async () => {
    // upstream: apiextensions-apiserver pkg/apiserver/schema/pruning prune (every unknown key, whatever its value)
    expect(await check('unknown-null-fields.yaml')).toEqual([
      '33:3 error schema: unknown field "lables" in metadata (did you mean "labels"?)',
      '36:3 error schema: unknown field "colour" in spec',
    ]);
  });

  it('leaves out a $ref, which the API server forbids in a CRD\'s schema, instead of following it (a self reference overflowed the stack)', async () => {
    expect(await check('ref-forbidden.yaml')).toEqual(['18:24 error api-validation: spec.validation.openAPIV3Schema.properties[spec].$ref: Forbidden: $ref is not supported']);
  });

  it('validates metadata as the API server does', async () => {
    expect(await check('metadata.yaml')).toEqual([
      '23:3 error invalid-name: metadata.name: Required value: name or generateName is required',
      `28:9 error invalid-name: metadata.name: Invalid value: "Invalid_Name": ${SUBDOMAIN}`,
      '29:3 error schema: unknown field "lables" in metadata (did you mean "labels"?)',
      `31:5 error invalid-label: metadata.labels: Invalid value: "app name": ${NAME_PART}`,
      `32:11 error invalid-label: metadata.labels: Invalid value: "front/end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `38:17 error invalid-name: metadata.generateName: Invalid value: "Bad.": ${SUBDOMAIN}`,
      `39:18 error invalid-label: metadata.annotations: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      // not errors: the warnings of a valid custom resource, once per name; an invalid one gets its errors only
      '48:7 warning api-validation: metadata.finalizers: "resources-finalizer.argocd.argoproj.io": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers',
      '51:7 warning api-validation: metadata.finalizers: "another-finalizer": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers',
      `58:15 error api-validation: metadata.finalizers: Invalid value: "bad finalizer": ${NAME_PART}`,
      '67:7 error schema: missing required field "uid" in metadata.ownerReferences[0]',
    ]);
  });

  it('reads a property named by a CEL keyword as written (self.namespace, has(self.return)), as CEL environments of v1.31 on do', async () => {
    expect(await check('cel-keyword-fields.yaml')).toEqual([
      '49:10 error schema: spec.probe: Invalid value: ReturnArg not specified with Return=true.',
    ]);
  });

  it('words the CEL rules not checked as the release prints a nil bad value ("null" up to 1.33, null from 1.34)', async () => {
    const { objects } = await loadManifests(['formats.yaml'], { cwd: 'fixtures/schema/crd' });
    const notChecked = (release: string) => validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).find((finding) => finding.message.startsWith('<nil>'))?.message;
    expect(notChecked('1.33')).toBe('<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');
    expect(notChecked('1.34')).toBe('<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');
  });

  it('runs patterns as RE2 does (flag groups, \\z, POSIX classes, escaped punctuation), in the API server\'s words with the pattern as written', async () => {
    const shouldMatch = (field: string, value: string, pattern: string) => `error schema: spec.${field}: Invalid value: ${JSON.stringify(value)}: spec.${field} in body should match '${pattern}'`;
    expect(await check('re2-patterns.yaml')).toEqual([
      `45:16 ${shouldMatch('logSeverity', 'Verbose', '^(?i)(Trace|Debug|Info|Warning|Error|Fatal)?$')}`,
      `46:10 ${shouldMatch('month', 'March', '^((?i)january|february)$')}`,
      `47:8 ${shouldMatch('tag', 'abc\n', '^[a-z]+\\z')}`,
      `48:11 ${shouldMatch('window', '1030', '^\\ *[[:digit:]]{2}:[[:digit:]]{2}\\ *$')}`,
      `49:9 ${shouldMatch('name', 'abc1', '^\\pL+$')}`,
    ]);
  });

  it('checks the formats the API server checks, as Go parses them, in its words; unknown formats are ignored and a format error keeps CEL rules from running', async () => {
    const notChecked = '<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
    const mustBe = (field: string, format: string, value: string) => `error schema: ${field}: Invalid value: ${JSON.stringify(value)}: ${field} in body must be of type ${format}: ${JSON.stringify(value)}`;
    expect(await check('formats.yaml')).toEqual([
      `80:1 error schema: ${notChecked}`,
      `85:9 ${mustBe('spec.ipv4', 'ipv4', '1.2.3.4:8080')}`,
      `86:9 ${mustBe('spec.ipv6', 'ipv6', 'fe80::1%eth0')}`,
      `87:9 ${mustBe('spec.cidr', 'cidr', '10.0.0.0/33')}`,
      `88:8 ${mustBe('spec.mac', 'mac', '00:00:5e:00:53-01')}`,
      `89:9 ${mustBe('spec.uuid', 'uuid', '123e4567-e89b-12d3-a456-42661417400')}`,
      `90:10 ${mustBe('spec.uuid4', 'uuid4', '123e4567-e89b-12d3-a456-426614174000')}`,
      `91:9 ${mustBe('spec.date', 'date', '2023-02-29')}`,
      `92:10 ${mustBe('spec.since', 'date-time', '2024-01-01 10:00:00Z')}`,
      `93:12 ${mustBe('spec.timeout', 'duration', '1.5 hours')}`,
      `94:13 ${mustBe('spec.objectId', 'bsonobjectid', '5f2a3b4c5d6e7f8091a2b3c')}`,
      `95:12 error schema: spec.address matches none of the forms the schema allows, got a mapping; closest is oneOf[0]: ${mustBe('spec.address.value', 'ipv4', '1.2.3.4:8080').slice('error schema: '.length)}`,
      `96:17 ${mustBe('spec.port.host', 'ipv4', 'localhost')}`,
    ]);
  });

  it('applies defaults before validating and ignores status under a status subresource, not without one', async () => {
    expect(await check('defaults-status.yaml')).toEqual([
      '63:1 error schema: missing required field "retries" in spec',
      '64:1 error schema: missing required field "phase" in status',
    ]);
  });
});

describe('x-kubernetes-embedded-resource', () => {
  it('requires apiVersion and kind of each embedded object, a group version and a DNS-1035 kind (mixed case allowed)', async () => {
    expect(await check('embedded-resources.yaml')).toEqual([
      '39:7 error schema: spec.resources[0].apiVersion: Required value',
      '39:7 error schema: spec.resources[0].kind: Required value',
      '40:20 error schema: spec.resources[1].apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      `40:33 error schema: spec.resources[1].kind: Invalid value: "Config_Map": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      '47:20 error schema: spec.resources[0].apiVersion: Invalid value: ["v1"]: must be a string',
      '47:32 error schema: spec.resources[0].kind: Invalid value: {"name":"ConfigMap"}: must be a string',
    ]);
  });

  it('prints an apiVersion or kind that is no string with %#v up to 1.33 (apimachinery 0.33 ErrorBody), as JSON from 1.34', async () => {
    expect((await check('embedded-resources.yaml', '1.33')).slice(-2)).toEqual([
      '47:20 error schema: spec.resources[0].apiVersion: Invalid value: []interface {}{"v1"}: must be a string',
      '47:32 error schema: spec.resources[0].kind: Invalid value: map[string]interface {}{"name":"ConfigMap"}: must be a string',
    ]);
  });
});

describe('CEL x-kubernetes-validations', () => {
  it('are not evaluated after a type, required, enum or size violation, which the API server reports once (hasBlockingErr); a pattern violation does not stop them', async () => {
    const notChecked = '<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
    expect(await check('cel-blocked.yaml')).toEqual([
      `28:1 error schema: ${notChecked}`,
      '32:15 error schema: spec.type: Unsupported value: "Regex": supported values: "Exact", "Prefix"',
      '38:7 error schema: spec: Invalid value: path must be absolute',
      `40:1 error schema: ${notChecked}`,
      '43:3 error invalid-name: metadata.name: Required value: name or generateName is required',
      '50:7 error schema: spec: Invalid value: path must be absolute',
      '50:28 error schema: spec.path: Invalid value: "Relative": spec.path in body should match \'^[a-z/]+$\'',
    ]);
  });

  it('judges neither the form or length of values holding ${VAR} nor the rules of an object that holds one (an envsubst template)', async () => {
    expect((await check('cel-blocked.yaml')).filter((finding) => Number(finding.split(':')[0]) > 50)).toEqual([]);
  });

  it('reports a rule that reads a field or map key the object lacks as the API server does (no such key), and passes guarded rules', async () => {
    expect(await check('cel-missing-keys.yaml')).toEqual([
      '38:5 error schema: spec.resources: Invalid value: "object": no such key: cpu evaluating rule: self.requests[\'cpu\'] != \'0\'',
      '38:5 error schema: spec.resources: Invalid value: "object": no such key: limits evaluating rule: resources.limits is mandatory',
    ]);
  });

  it('reports a rule that fails at run time with a conversion error as cel-go does (Go parsers: no spaces, no empty duration)', async () => {
    // upstream: apiextensions-apiserver schema/cel/validation.go validateExpressions; cel-go common/types/string.go ConvertToType
    expect(await check('cel-conversions.yaml')).toEqual([
      `45:12 error schema: spec.timeout: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: must be a valid duration greater than 1ms`,
      `53:5 error schema: spec.ports: Invalid value: "object": type conversion error from 'string' to 'int' evaluating rule: port must be between 1-65535`,
      `60:10 error schema: spec.count: Invalid value: "string": type conversion error from 'string' to 'int' evaluating rule: must be numeric`,
      `78:12 error schema: spec.timeout: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: must be a valid duration greater than 1ms`,
      `79:10 error schema: spec.count: Invalid value: "string": type conversion error from 'string' to 'int' evaluating rule: must be numeric`,
    ]);
  });

  it('evaluates find and findAll as RE2 (flag groups, POSIX classes), a pattern that could backtrack exponentially in linear time', async () => {
    expect(await check('cel-regex.yaml')).toEqual([
      '46:9 error schema: spec.code: Invalid value: "abc1": code has no digits',
      '46:9 error schema: spec.code: Invalid value: "abc1": code is letters only',
      '53:10 error schema: spec.token: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": token ends in a',
    ]);
  });

  const CEL_RULES_OLD_FORM = [
    `65:3 info cel-not-evaluated: x-kubernetes-validations rule "quantity(self.memory).isGreaterThan(quantity('1Mi'))" of CustomResourceDefinition replicasets.example.com not evaluated offline (unbound function: isGreaterThan); rules kubefit cannot evaluate are skipped`,
    '74:1 error schema: <nil>: Invalid value: "object": name must start with rs-',
    '78:3 error schema: spec: Forbidden: legacy-mode is no longer supported',
    '78:3 error schema: spec: Invalid value: "object": ports must be sorted',
    '78:3 error schema: spec: Invalid value: "object": start must be before end',
    '78:3 error schema: spec: Invalid value: "object": timeout is at most 1h',
    '78:13 error schema: spec.replicas: Invalid value: "object": replicas 0 is below minReplicas 2',
    `82:15 error schema: spec.tags[1]: Invalid value: "string": failed rule: self.matches('^[a-z]+$')`,
    '86:14 error schema: spec.hostnames: Invalid value: "array": hostnames must not be IP addresses',
  ];

  it('evaluates rules offline with message, messageExpression, fieldPath and reason, date-time and duration as CEL timestamps and durations, isIP; skips transition rules and reports unevaluable ones once', async () => {
    // from 1.35 the error names the value itself, none for an object or array (the rule's target, not its fieldPath's)
    // upstream: apiextensions-apiserver schema/cel/validation.go validateExpressions (v0.35.0: field.OmitValueType{})
    expect(await check('cel-rules.yaml')).toEqual([
      `65:3 info cel-not-evaluated: x-kubernetes-validations rule "quantity(self.memory).isGreaterThan(quantity('1Mi'))" of CustomResourceDefinition replicasets.example.com not evaluated offline (unbound function: isGreaterThan); rules kubefit cannot evaluate are skipped`,
      '74:1 error schema: <nil>: Invalid value: name must start with rs-',
      '78:3 error schema: spec: Forbidden: legacy-mode is no longer supported',
      '78:3 error schema: spec: Invalid value: ports must be sorted',
      '78:3 error schema: spec: Invalid value: start must be before end',
      '78:3 error schema: spec: Invalid value: timeout is at most 1h',
      '78:13 error schema: spec.replicas: Invalid value: replicas 0 is below minReplicas 2',
      `82:15 error schema: spec.tags[1]: Invalid value: "API": failed rule: self.matches('^[a-z]+$')`,
      '86:14 error schema: spec.hostnames: Invalid value: hostnames must not be IP addresses',
    ]);
    // before 1.35: the schema's type
    expect(await check('cel-rules.yaml', '1.34')).toEqual(CEL_RULES_OLD_FORM);
  });
});
