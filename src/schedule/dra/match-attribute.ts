// The matchAttribute constraint of a claim: the devices of the requests it names share one value of an attribute.
// upstream: structured/internal/stable/allocator_stable.go matchAttributeConstraint, lookupAttribute (v1.35)
import type { AttributeValue, Device, MatchAttribute } from './device-catalog.js';

export class MatchAttributeConstraint {
  readonly #requests: ReadonlySet<string>;
  readonly #attribute: string;
  #value: AttributeValue | undefined;
  #count = 0;

  constructor(constraint: MatchAttribute) {
    this.#requests = new Set(constraint.requests);
    this.#attribute = constraint.attribute;
  }

  /** Whether the constraint covers the request or subrequest ("<request>/<subrequest>": named either way). */
  covers(requestName: string): boolean {
    if (this.#requests.size === 0) return true;
    const slash = requestName.indexOf('/');
    return this.#requests.has(requestName) || (slash >= 0 && this.#requests.has(requestName.slice(0, slash)));
  }

  /** add: the first device with the attribute sets the value, later ones must have it (same type and value). */
  add(device: Device): boolean {
    // attribute names are fully qualified in the catalog, so lookupAttribute's two lookups are one
    const value = device.attributes.get(this.#attribute);
    if (value === undefined) return false;
    if (this.#count > 0 && !sameValue(this.#value, value)) return false;
    if (this.#count === 0) this.#value = value;
    this.#count++;
    return true;
  }

  remove(): void {
    this.#count--;
  }
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.version === b.version;
  return a === b;
}
