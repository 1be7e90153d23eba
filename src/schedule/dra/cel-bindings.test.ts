// cel.bind in device selectors, through DeviceSelectors.
// upstream: dynamic-resource-allocation cel/compile_test.go "bind" (v0.36.2); cel-go ext/bindings_test.go
// TestBindings (single, multiple and shadow binds, nested binds over a list)
import { describe, expect, it } from 'vitest';
import type { Device } from './device-catalog.js';
import { DeviceSelectors } from './device-selectors.js';

const DEVICE: Device = { name: 'gpu-0', bindingConditions: false, consumesCounters: false, attributes: new Map([['dra.example.com/name', true]]), capacity: new Map() };

function evaluate(expression: string): unknown {
  return new DeviceSelectors(['dra.example.com']).matches(expression, DEVICE, 'dra.example.com');
}

describe('DRA CEL: cel.bind (ext.Bindings)', () => {
  it.each([
    // compile_test.go "bind"
    'cel.bind(dra, device.attributes["dra.example.com"], dra.name)',
    // bindings_test.go
    `cel.bind(a, 'hell' + 'o' + '!', "%s, %s, %s".format([a, a, a])) == 'hello!, hello!, hello' + '!'`,
    `cel.bind(a, 'hello!', cel.bind(b, 'goodbye', a + ' and, ' + b)) == 'hello! and, goodbye'`,
    `cel.bind(a, cel.bind(a, 'world', a + '!'), 'hello ' + a) == 'hello ' + 'world' + '!'`,
    'cel.bind(a, [3, 7], cel.bind(b, a[0], cel.bind(c, a[1], b + c))) == 10',
    'cel.bind(x, 0, x == 0)',
    "cel.bind(x, {'y': 0}, x.y == 0)",
    'cel.bind(y, 0, cel.bind(y, 1, y != 0))',
  ])('%s', (expression) => {
    expect(evaluate(expression)).toBe(true);
  });

  it('the bound value is false where the attribute says so, and the variable is unknown outside the bind', () => {
    expect(evaluate('cel.bind(dra, device.attributes["dra.example.com"], !dra.name)')).toBe(false);
    expect(evaluate('cel.bind(x, 1, x == 1) && x == 1')).toMatchObject({ error: expect.any(String) });
  });
});
