import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { apiServiceNameFn, validateAPIService } from './api-service.js';
import { errorMessage } from './field-error.js';
import { validateBuiltinObject } from './index.js';

const spec = (fields: Record<string, unknown>): Record<string, unknown> => ({
  group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100,
  service: { name: 'metrics-server', namespace: 'kube-system' }, insecureSkipTLSVerify: true, ...fields,
});
const errors = (fields: Record<string, unknown>): string[] => validateAPIService({ spec: spec(fields) }).map(errorMessage);

// Cases after kube-aggregator pkg/apis/apiregistration/validation/validation.go ValidateAPIService
describe('APIService on create', () => {
  it('accepts metrics-server\'s APIService, and the legacy v1 group', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ group: '', version: 'v1' })).toEqual([]);
  });

  it('names the object version.group', () => {
    const nameFn = apiServiceNameFn({ spec: spec({}) });
    expect(nameFn('v1beta1.metrics.k8s.io', false)).toEqual([]);
    expect(nameFn('metrics', false)).toEqual(['must be `spec.version+"."+spec.group`: "v1beta1.metrics.k8s.io"']);
    expect(nameFn('a/b', false)).toEqual(["may not contain '/'"]);
  });

  it('checks the group, the version and the priorities', () => {
    expect(errors({ group: '', version: 'v2' })).toEqual(['spec.group: Required value: only v1 may have an empty group and it better be legacy kube']);
    expect(errors({ group: 'Metrics', version: 'V1', groupPriorityMinimum: 20001, versionPriority: 0 })).toEqual([
      "spec.group: Invalid value: \"Metrics\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "spec.version: Invalid value: \"V1\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      'spec.groupPriorityMinimum: Invalid value: 20001: must be positive and less than 20000',
      'spec.versionPriority: Invalid value: 0: must be positive and less than 1000',
    ]);
  });

  it('keeps a local APIService (no service) free of TLS settings, and a service one from both', () => {
    expect(errors({ service: undefined, caBundle: 'AAECAw==' })).toEqual([
      'spec.caBundle: Invalid value: "4 bytes": local APIServices may not have a caBundle',
      'spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify',
    ]);
    expect(errors({ caBundle: 'AAECAw==', service: { name: '', namespace: '' } })).toEqual([
      'spec.service.namespace: Required value',
      'spec.service.name: Required value',
      'spec.insecureSkipTLSVerify: Invalid value: true: may not be true if caBundle is present',
    ]);
  });

  it('reports a name that is not version.group at metadata.name, in the API server\'s words', async () => {
    const { objects } = await loadManifests(['-'], {
      readStdin: async () => Buffer.from('apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: metrics}\nspec: {group: metrics.k8s.io, version: v1beta1, groupPriorityMinimum: 100, versionPriority: 100, service: {name: s, namespace: ns}}\n'),
    });
    const [object] = objects;
    if (!object) throw new Error('no object');
    expect(validateBuiltinObject(object, '1.36').findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      '3:18 metadata.name: Invalid value: "metrics": must be `spec.version+"."+spec.group`: "v1beta1.metrics.k8s.io"',
    ]);
  });
});
