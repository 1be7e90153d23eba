// RFC 6902 operations as kustomize's patchjson6902 filter applies them (evanphx/json-patch v4).
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, PATCH_FAILED } from './json-patch.js';
import { locate } from './value-origins.js';

const doc = { spec: { args: ['a', 'b'], labels: { 'app/name': 'web', 'x~y': '1' } } };

describe('JSON patch (RFC 6902)', () => {
  it.each([
    ['add appends with -', [{ op: 'add', path: '/spec/args/-', value: 'c' }], { spec: { ...doc.spec, args: ['a', 'b', 'c'] } }],
    ['add inserts at an index', [{ op: 'add', path: '/spec/args/0', value: 'z' }], { spec: { ...doc.spec, args: ['z', 'a', 'b'] } }],
    ['add sets a field', [{ op: 'add', path: '/spec/replicas', value: 3 }], { spec: { ...doc.spec, replicas: 3 } }],
    ['remove an element', [{ op: 'remove', path: '/spec/args/0' }], { spec: { ...doc.spec, args: ['b'] } }],
    ['replace with escaped keys (~1 is /, ~0 is ~)', [{ op: 'replace', path: '/spec/labels/app~1name', value: 'api' }, { op: 'remove', path: '/spec/labels/x~0y' }], { spec: { ...doc.spec, labels: { 'app/name': 'api' } } }],
    ['move', [{ op: 'move', from: '/spec/args', path: '/spec/command' }], { spec: { labels: doc.spec.labels, command: ['a', 'b'] } }],
    ['copy', [{ op: 'copy', from: '/spec/args/1', path: '/spec/args/0' }], { spec: { ...doc.spec, args: ['b', 'a', 'b'] } }],
    ['test that holds', [{ op: 'test', path: '/spec/args', value: ['a', 'b'] }], doc],
    // evanphx/json-patch v4 patch.go: partialDoc.get of a missing key is (nil, nil), so replace sets it and test reads null
    ['replace of a missing key of an existing mapping sets it', [{ op: 'replace', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/args/1', value: 'c' }], { spec: { ...doc.spec, replicas: 3, args: ['a', 'c'] } }],
    ['test of a missing key against null holds', [{ op: 'test', path: '/spec/missing', value: null }], doc],
  ])('%s', (_name, operations, expected) => {
    expect(applyJsonPatch(doc, operations)).toEqual(expected);
  });

  it.each([
    ['replace below a missing parent', [{ op: 'replace', path: '/status/phase', value: 'x' }]],
    ['replace past the end', [{ op: 'replace', path: '/spec/args/2', value: 'x' }]],
    ['a test of a missing key against a value', [{ op: 'test', path: '/spec/missing', value: 1 }]],
    ['remove of a missing key', [{ op: 'remove', path: '/spec/missing' }]],
    ['remove past the end', [{ op: 'remove', path: '/spec/args/2' }]],
    ['add below a missing parent', [{ op: 'add', path: '/status/phase', value: 'x' }]],
    ['a test that fails', [{ op: 'test', path: '/spec/args/0', value: 'b' }]],
    ['an unknown operation', [{ op: 'merge', path: '/spec', value: {} }]],
    ['a path that is no pointer', [{ op: 'add', path: 'spec/x', value: 1 }]],
    ['an index with a leading zero', [{ op: 'replace', path: '/spec/args/01', value: 'x' }]],
  ])('fails on %s (kustomize fails the build)', (_name, operations) => {
    expect(applyJsonPatch(doc, operations)).toBe(PATCH_FAILED);
  });

  it('keeps the file positions of the elements it moves', () => {
    const patched = applyJsonPatch(doc, [{ op: 'add', path: '/spec/args/0', value: 'z' }, { op: 'replace', path: '/spec/args/2', value: 'y' }]);
    expect(patched).toEqual({ spec: { ...doc.spec, args: ['z', 'a', 'y'] } });
    expect(locate(patched, ['spec', 'args', 2])).toEqual({ path: ['spec', 'args'] });
    expect(locate(patched, ['spec', 'args', 1])).toEqual({ path: ['spec', 'args', 0] });
    // an element an operation brought is written at its `value`, without a source: at the list
    expect(locate(patched, ['spec', 'args', 0])).toEqual({ path: ['spec', 'args'] });
    const range = { file: 'patch.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const index = { rangeOf: () => range, keyRangeOf: () => range, has: () => true };
    const located = applyJsonPatch(doc, [{ op: 'add', path: '/spec/args/0', value: 'z' }, { op: 'add', path: '/spec/replicas', value: 2 }], { index, path: [] });
    expect(locate(located, ['spec', 'args', 0])).toEqual({ source: { index, path: [0, 'value'] }, path: [0, 'value'] });
    expect(locate(located, ['spec', 'replicas'])).toEqual({ source: { index, path: [1, 'value'] }, path: [1, 'value'] });
    expect(locate(located, ['spec', 'args', 2])).toEqual({ path: ['spec', 'args', 1] });
  });
});
