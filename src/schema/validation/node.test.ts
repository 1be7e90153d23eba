import { describe, expect, it } from 'vitest';
import { errorMessage, toPath } from './field-error.js';
import { validateRuntimeClass } from './node.js';
import { contextOf } from './index.js';

const context = contextOf('1.36');

// upstream: pkg/apis/node/validation/validation_test.go TestValidateRuntimeClass, TestValidateOverhead, TestValidateScheduling (v1.36)
describe('TestValidateRuntimeClass', () => {
  it.each([
    ['a handler, overhead and scheduling', { handler: 'runc', overhead: { podFixed: { cpu: '250m', memory: '120Mi' } }, scheduling: { nodeSelector: { sandbox: 'true' }, tolerations: [{ key: 'sandbox', operator: 'Exists' }] } }, []],
    ['TestValidateRuntimeClass: a handler that is no DNS label', { handler: 'kata.v2' }, [
      'handler: Invalid value: "kata.v2": must not contain dots',
    ]],
    ['TestValidateOverhead: a negative quantity, named as a limit', { handler: 'runc', overhead: { podFixed: { memory: '-1Mi' } } }, ['overhead.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0']],
    ['TestValidateOverhead: Invalid Resources, a name neither standard nor qualified', { handler: 'runc', overhead: { podFixed: { 'my.org': '10m' } } }, [
      'overhead.limits[my.org]: Invalid value: "my.org": must be a standard resource type or fully qualified',
      'overhead.limits[my.org]: Invalid value: "my.org": must be a standard resource for containers',
    ]],
    ['TestValidateScheduling: a bad node selector and toleration', { handler: 'runc', scheduling: { nodeSelector: { 'not/a/key': 'x' }, tolerations: [{ key: 'a', operator: 'Exists', value: 'b' }] } }, [
      "scheduling.nodeSelector: Invalid value: \"not/a/key\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      "scheduling.tolerations[0].operator: Invalid value: \"b\": value must be empty when `operator` is 'Exists'",
    ]],
  ])('%s', (_name, runtimeClass, expected) => {
    expect(validateRuntimeClass(runtimeClass, context).map(errorMessage)).toEqual(expected);
  });

  it('points an overhead finding at the podFixed entry the message calls a limit', () => {
    const [error] = validateRuntimeClass({ handler: 'runc', overhead: { podFixed: { cpu: '-1' } } }, context);
    expect([error?.at, error && toPath(error.field)]).toEqual([['overhead', 'podFixed', 'cpu'], ['overhead', 'limits', 'cpu']]);
  });
});
