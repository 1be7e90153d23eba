import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { asRecord } from '../src/model/object.js';
import rule, { isSameValue } from './identical-probes.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a native sidecar with a more tolerant liveness probe', fixture: 'fixtures/rules/identical-probes/valid-native-sidecar.yaml' },
    { name: 'a field set to other than the default the other probe gets', fixture: 'fixtures/rules/identical-probes/valid-defaults-differ.yaml' },
    {
      name: 'different failureThreshold; only one probe',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              livenessProbe: {httpGet: {path: /healthz, port: 80}, failureThreshold: 6}
              readinessProbe: {httpGet: {path: /healthz, port: 80}}
            - name: b
              image: b:1
              readinessProbe: {httpGet: {path: /healthz, port: 80}}
      `,
    },
  ],
  invalid: [
    { name: 'a native sidecar', fixture: 'fixtures/rules/identical-probes/invalid-native-sidecar.yaml', errors: [{ messageId: 'identical', line: 15, column: 11, data: { container: 'proxy' } }] },
    {
      name: 'defaults written out on one probe only',
      fixture: 'fixtures/rules/identical-probes/invalid-defaults-written-out.yaml',
      errors: [
        { messageId: 'identical', line: 18, column: 11, data: { container: 'server' } },
        { messageId: 'identical', line: 26, column: 11, data: { container: 'web' } },
        { messageId: 'identical', line: 35, column: 11, data: { container: 'api' } },
      ],
    },
    {
      name: 'same probe with keys in another order',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              livenessProbe:
                httpGet: {path: /healthz, port: 80}
                periodSeconds: 5
              readinessProbe:
                periodSeconds: 5
                httpGet: {port: 80, path: /healthz}
      `,
      errors: [{ messageId: 'identical', line: 8, column: 7, data: { container: 'a' } }],
    },
  ],
});

/** The comparison the rule made before: both values written out with sorted keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = asRecord(value);
  if (!record) return JSON.stringify(value);
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}

describe('isSameValue', () => {
  it('agrees with comparing canonical JSON texts, for values a manifest can hold', () => {
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'port', 'path'), tie('tree'), { maxKeys: 3 })),
      leaf: fc.oneof(fc.constantFrom('1', 'a', '', 'true', null, true, false, 0, 1, -1, 1.5), fc.integer({ min: -2, max: 2 })),
    }));
    // pairs that are often equal: a value and a copy with its keys in another order
    const reordered = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reordered);
      const record = asRecord(value);
      return record ? Object.fromEntries(Object.entries(record).reverse().map(([key, item]) => [key, reordered(item)])) : value;
    };
    fc.assert(fc.property(tree, tree, fc.boolean(), (a, other, same) => {
      const b = same ? reordered(a) : other;
      expect(isSameValue(a, b)).toBe(canonical(a) === canonical(b));
    }), { numRuns: 3000 });
  });
});
