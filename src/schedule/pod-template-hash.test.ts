import { describe, expect, it } from 'vitest';
import { podTemplateHash } from './pod-template-hash.js';
import { objectOf } from './test-support.js';

const deployment = (template: Readonly<Record<string, unknown>>, status?: Readonly<Record<string, unknown>>) =>
  objectOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template }, ...(status && { status }) });

const TEMPLATE = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };

describe('podTemplateHash', () => {
  // Expected values from Go: hash/fnv New32a over the sorted-key JSON, then upstream's collision-count bytes
  // (binary.LittleEndian.PutUint32 into 8 bytes) and rand.SafeEncodeString(fmt.Sprint(Sum32())).
  it("is fnv32a and SafeEncodeString as upstream's ComputeHash, over the template's sorted-key JSON", () => {
    expect(podTemplateHash(deployment(TEMPLATE))).toBe('5776f98846');
    expect(podTemplateHash(deployment(TEMPLATE, { collisionCount: 3 }))).toBe('d99f548b9');
  });

  it('does not depend on the order of the keys, and changes with the template', () => {
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
    expect(podTemplateHash(deployment(reordered))).toBe(podTemplateHash(deployment(TEMPLATE)));
    const changed = { ...TEMPLATE, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } };
    expect(podTemplateHash(deployment(changed))).not.toBe(podTemplateHash(deployment(TEMPLATE)));
  });
});
