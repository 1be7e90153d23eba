import { directoryOf, sharesNamespace } from '../model/apply-namespace.js';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/object.js';
import { objectOf } from '../schedule/test-support.js';
import { buildLintIndex } from './lint-index.js';

describe('directoryOf', () => {
  it('is the part before the last separator, or empty', () => {
    expect(directoryOf('deploy/base/app.yaml')).toBe('deploy/base');
    expect(directoryOf('C:\\deploy\\app.yaml')).toBe('C:\\deploy');
    expect(directoryOf('app.yaml')).toBe('');
  });
});

describe('LintIndex.nearby', () => {
  it('finds, for each object and asked again, what filtering the kind by sharesNamespace finds', () => {
    const objects: KubeObject[] = [];
    for (const file of ['a/x.yaml', 'a/b/y.yaml', 'c/z.yaml', 'top.yaml']) {
      for (const namespace of ['team', undefined]) {
        for (const kind of ['ConfigMap', 'Secret']) {
          const metadata = { name: `${kind}-${objects.length}`, ...(namespace !== undefined && { namespace }) };
          objects.push(objectOf({ apiVersion: 'v1', kind, metadata }, file));
        }
      }
    }
    const index = buildLintIndex(objects, []);
    for (const object of [...objects, ...objects]) {
      for (const kind of ['ConfigMap', 'Secret', 'LimitRange']) {
        const expected = index.ofKind(kind, object.ref.namespace).filter((other) => sharesNamespace(other, object));
        expect(index.nearby(kind, object)).toEqual(expected);
      }
    }
  });
});
