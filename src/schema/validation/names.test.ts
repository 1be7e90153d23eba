import { describe, expect, it } from 'vitest';
import { labelValueErrors, qualifiedNameErrors, subdomainErrors } from './names.js';

describe('Kubernetes name rules', () => {
  it.each(['web', 'web-1', 'a.b.c', '0abc'])('accepts the subdomain %s', (name) => expect(subdomainErrors(name)).toEqual([]));
  it.each(['Web', 'web_1', '-web', 'web.', 'a'.repeat(254)])('rejects the subdomain %s', (name) => expect(subdomainErrors(name)).not.toEqual([]));
  it.each(['app', 'app.kubernetes.io/name', 'example.com/A_b-c.d', 'A'])('accepts the qualified name %s', (key) => expect(qualifiedNameErrors(key)).toEqual([]));
  it('explains what is wrong with a qualified name', () => {
    expect(qualifiedNameErrors('/name')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameErrors('example.com/')).toEqual(['name part must be non-empty']);
    expect(qualifiedNameErrors('a/b/c')).toHaveLength(1);
    expect(qualifiedNameErrors('Example.com/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
    expect(qualifiedNameErrors('x'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
  it.each(['', 'v1', 'a-b_c.d'])('accepts the label value %j', (value) => expect(labelValueErrors(value)).toEqual([]));
  it.each(['-a', 'a b', 'x'.repeat(64)])('rejects the label value %j', (value) => expect(labelValueErrors(value)).not.toEqual([]));
});
