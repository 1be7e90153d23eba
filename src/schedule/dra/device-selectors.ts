// CEL device selectors (DeviceClass and request selectors) evaluated against devices, once per expression and device.
// upstream: staging/src/k8s.io/dynamic-resource-allocation/cel/compile.go DeviceMatches (v1.35): `device` holds driver,
// attributes and capacity keyed by domain then name, and a domain the device lacks is an empty map; cel.bind as
// ext.Bindings (cel-bindings.ts).
import { createRequire } from 'node:module';
import { expandBindings } from './cel-bindings.js';
import { celQuantity, celSemver, deviceCelFunctions } from './cel-device-library.js';
import type { AttributeValue, Device } from './device-catalog.js';

type Cel = typeof import('@bufbuild/cel');
type Program = (bindings: { device: unknown }) => unknown;

/** A selector's verdict on a device, or the error that stops kubefit from giving one. */
export type SelectorResult = boolean | { readonly error: string };

const require = createRequire(import.meta.url);

/**
 * Compiles selectors on first use and remembers each verdict by expression and device. Capacities are quantities and
 * version attributes semantic versions, compared through quantity() and semver() (cel-device-library.ts); an
 * expression kubefit cannot evaluate leaves its claims unchecked.
 */
export class DeviceSelectors {
  #cel: { readonly cel: Cel; readonly env: ReturnType<Cel['celEnv']> } | undefined;
  readonly #programs = new Map<string, Program | string>();
  readonly #verdicts = new Map<string, Map<Device, SelectorResult>>();
  /** Every attribute and capacity domain of the catalog's devices: a device without one sees it as an empty map. */
  readonly #domains: readonly string[];

  constructor(domains: Iterable<string>) {
    this.#domains = [...new Set(domains)];
  }

  matches(expression: string, device: Device, driver: string): SelectorResult {
    let byDevice = this.#verdicts.get(expression);
    if (!byDevice) this.#verdicts.set(expression, (byDevice = new Map()));
    let verdict = byDevice.get(device);
    if (verdict === undefined) byDevice.set(device, (verdict = this.#evaluate(expression, device, driver)));
    return verdict;
  }

  #evaluate(expression: string, device: Device, driver: string): SelectorResult {
    const program = this.#program(expression);
    if (typeof program === 'string') return { error: program };
    try {
      const result = program({ device: this.#deviceValue(device, driver) });
      if (typeof result === 'boolean') return result;
      const cel = this.#runtime().cel;
      return { error: cel.isCelError(result) ? result.message : `the expression yields ${typeof result}, not a boolean` };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  #program(expression: string): Program | string {
    let program = this.#programs.get(expression);
    if (program === undefined) {
      const { cel, env } = this.#runtime();
      try {
        program = cel.plan(env, expandBindings(cel.parse(expression))) as Program;
      } catch (error) {
        program = error instanceof Error ? error.message : String(error);
      }
      this.#programs.set(expression, program);
    }
    return program;
  }

  #runtime(): { readonly cel: Cel; readonly env: ReturnType<Cel['celEnv']> } {
    if (!this.#cel) {
      const cel = require('@bufbuild/cel') as Cel;
      // the Kubernetes base environment DRA's compiler extends has cel-go's strings extension too
      const { strings } = require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext');
      this.#cel = { cel, env: cel.celEnv({ funcs: [...strings, ...deviceCelFunctions(cel)] }) };
    }
    return this.#cel;
  }

  #deviceValue(device: Device, driver: string): Map<string, unknown> {
    return new Map<string, unknown>([
      ['driver', driver],
      ['attributes', this.#byDomain(device.attributes, celAttribute)],
      // a value no quantity parses (the API server refuses it) compares as nothing
      ['capacity', this.#byDomain(device.capacity, (quantity) => celQuantity(quantity) ?? new Map())],
    ]);
  }

  #byDomain<V>(values: ReadonlyMap<string, V>, toCel: (value: V) => unknown): Map<string, Map<string, unknown>> {
    const out = new Map<string, Map<string, unknown>>(this.#domains.map((domain) => [domain, new Map()]));
    for (const [name, value] of values) {
      const slash = name.indexOf('/');
      const domain = name.slice(0, slash);
      let names = out.get(domain);
      if (!names) out.set(domain, (names = new Map()));
      names.set(name.slice(slash + 1), toCel(value));
    }
    return out;
  }
}

/** A version attribute is a semantic version, which equals no string (one that does not parse, nothing). */
function celAttribute(value: AttributeValue): unknown {
  return typeof value === 'object' ? (celSemver(value.version) ?? new Map()) : value;
}
