import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';
import { validateCoreEvent } from './events.js';

const coreEvent = (namespace: string, involvedObject: Record<string, string>): number =>
  validateCoreEvent({ metadata: { name: 'test', namespace }, involvedObject }).length;

// upstream: pkg/apis/core/validation/events_test.go TestValidateEventForCoreV1Events (whether each row is valid)
describe('TestValidateEventForCoreV1Events', () => {
  it.each([
    ['test1', 'foo', { namespace: 'bar', kind: 'Pod' }, false],
    ['test2', 'aoeu-_-aoeu', { namespace: 'aoeu-_-aoeu', kind: 'Pod' }, false],
    ['test3', 'default', { apiVersion: 'v1', kind: 'Node' }, true],
    ['test5', 'default', { apiVersion: 'apps/v1', kind: 'NoKind', namespace: 'default' }, true],
    ['test6', 'default', { apiVersion: 'batch/v1', kind: 'Job', namespace: 'foo' }, false],
    ['test9', 'foo', { apiVersion: 'other/v1beta1', kind: 'Job', namespace: 'foo' }, true],
    ['test12', 'foo', { apiVersion: 'other/v1beta1', kind: 'FooBar', namespace: 'bar' }, false],
    ['test14', 'foo', { apiVersion: 'other/v1beta1', kind: 'FooBar', namespace: '' }, false],
  ])('%s', (_name, namespace, involvedObject, valid) => {
    expect(coreEvent(namespace, involvedObject) === 0).toBe(valid);
  });
});

// upstream: events.go ValidateEventCreate through the API: core/v1 (legacy checks, then rest.BeforeCreate's path-segment
// ObjectMeta check) and events.k8s.io/v1 (TestValidateEventCreateForNewV1Events: type, deprecated fields, series)
describe('Event create, core/v1 and events.k8s.io/v1', () => {
  it('reports what the API server reports, at the written fields', async () => {
    const { objects } = await loadManifests(['events.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: '1.36', extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' || finding.ruleId === 'invalid-name')
      .map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    const reportingController = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    const subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    expect(messages).toEqual([
      '9:14 involvedObject.namespace: Invalid value: "bar": does not match event.namespace',
      '23:9 metadata.name: Invalid value: "a/b": may not contain \'/\'',
      '28:1 action: Required value',
      '28:1 reason: Required value',
      '28:1 reportingInstance: Required value',
      `34:21 reportingController: Invalid value: "my-contr@ller": ${reportingController}`,
      '38:1 series.count: Invalid value: "": should be at least 2',
      '38:1 series.lastObservedTime: Required value',
      `41:9 metadata.name: Invalid value: "Not_A_Subdomain": ${subdomain}`,
      '48:7 type: Invalid value: "": has invalid value: Sometimes',
      '49:18 count: Invalid value: "": needs to be unset',
      '51:3 source: Invalid value: "": needs to be unset',
    ]);
  });
});
