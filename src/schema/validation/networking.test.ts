import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateIngressClass } from './networking.js';

const ingressClass = (spec: Record<string, unknown>): string[] => validateIngressClass({ spec: { controller: 'example.com/ingress', ...spec } }).map(errorMessage);

// Cases after upstream pkg/apis/networking/validation/validation_test.go TestValidateIngressClass
describe('TestValidateIngressClass', () => {
  it('accepts a domain-prefixed controller and cluster or namespace parameters', () => {
    expect(ingressClass({ parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } })).toEqual([]);
    expect(ingressClass({ parameters: { kind: 'ConfigMap', name: 'params', scope: 'Namespace', namespace: 'ingress' } })).toEqual([]);
  });

  it('requires a domain-prefixed path of at most 250 bytes as controller (IsDomainPrefixedPath)', () => {
    expect(ingressClass({ controller: '' })).toEqual(['spec.controller: Required value']);
    expect(ingressClass({ controller: 'nginx' })).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(ingressClass({ controller: 'Example.com/a b' })).toEqual([
      "spec.controller: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "spec.controller: Invalid value: \"a b\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
    ]);
    expect(ingressClass({ controller: `example.com/${'a'.repeat(250)}` })).toEqual(['spec.controller: Too long: may not be more than 250 bytes']);
  });

  it('checks the parameters reference: path-segment kind and name, scope and namespace (validateIngressClassParametersReference)', () => {
    expect(ingressClass({ parameters: { kind: 'a/b', name: '' } })).toEqual([
      "spec.parameters.kind: Invalid value: \"a/b\": may not contain '/'",
      'spec.parameters.name: Required value: name is required',
    ]);
    expect(ingressClass({ parameters: { kind: 'K', name: 'n', scope: 'Cluster', namespace: 'ingress' } })).toEqual(["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]);
    expect(ingressClass({ parameters: { kind: 'K', name: 'n', scope: 'Namespace' } })).toEqual(["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"]);
    expect(ingressClass({ parameters: { kind: 'K', name: 'n', scope: 'Global' } })).toEqual(['spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"']);
  });
});
