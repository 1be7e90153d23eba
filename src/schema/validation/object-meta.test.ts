import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { nameIsDNSSubdomain, nameIsPathSegment, validateObjectMeta } from './object-meta.js';

const messages = (metadata: unknown, namespaced = true): string[] =>
  validateObjectMeta(metadata, { namespaced, nameFn: nameIsDNSSubdomain }).map(errorMessage);

// Cases from apimachinery pkg/api/validation/objectmeta_test.go
describe('ValidateObjectMeta', () => {
  it('limits the total size of annotations to 256 kB (TestValidateAnnotations)', () => {
    expect(messages({ name: 'a', annotations: { big: 'x'.repeat(256 * 1024) } })).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
    expect(messages({ name: 'a', annotations: { big: 'x'.repeat(256 * 1024 - 3) } })).toEqual([]);
  });

  it('accepts a generateName ending in "-" and requires a name otherwise (TestValidateObjectMetaNamespaces)', () => {
    expect(messages({ generateName: 'web-' })).toEqual([]);
    expect(messages({})).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('checks a namespaced object\'s namespace and ignores a cluster-scoped one\'s', () => {
    expect(messages({ name: 'a', namespace: 'Team_A' })[0]).toMatch(/^metadata\.namespace: Invalid value: "Team_A": a lowercase RFC 1123 label/);
    expect(messages({ name: 'a', namespace: 'Team_A' }, false)).toEqual([]);
  });

  it('requires every ownerReference field, named without the entry\'s index (validateOwnerReference)', () => {
    const references = [{ apiVersion: 'apps/', kind: 'ReplicaSet', name: 'r', uid: 'u' }, { apiVersion: 'a/b/c', kind: '', name: '', uid: 'u' }, { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u' }];
    expect(messages({ name: 'a', ownerReferences: references })).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty',
      'metadata.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
    ]);
  });

  it('requires an ownerReference uid and refuses orphan with foregroundDeletion (TestValidateFinalizersPreventConflictingFinalizers)', () => {
    expect(messages({ name: 'a', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: '' }], finalizers: ['orphan', 'foregroundDeletion'] })).toEqual([
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it('reports a malformed finalizer at the list and a finalizer that is neither standard nor qualified at its index, once each (ValidateFinalizers, core validateKubeFinalizerName)', () => {
    expect(messages({ name: 'a', finalizers: ['bad finalizer', 'example.com/ok', 'kubernetes', 'custom'] })).toEqual([
      expect.stringMatching(/^metadata\.finalizers: Invalid value: "bad finalizer": name part must consist of/),
      'metadata.finalizers[0]: Invalid value: "bad finalizer": name is neither a standard finalizer name nor is it fully qualified',
      'metadata.finalizers[3]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('validates RBAC names as path segments (ValidateRBACName)', () => {
    expect(nameIsPathSegment('system:controller:a', false)).toEqual([]);
    expect(nameIsPathSegment('..', false)).toEqual(["may not be '..'"]);
    expect(nameIsPathSegment('a/b%c', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});
