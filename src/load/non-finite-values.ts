// The numbers kubectl cannot convert to JSON (.inf, .nan) a document's decoded value still holds: json.Marshal meets
// them only after go-yaml has decoded the whole document, merge keys applied, so one a later key overrides is no error
// (`<<: {a: .nan}` then `a: "1"`), nor one in a merged mapping no key takes (`<<: [{a: "2"}, {a: .inf}]`).
// upstream: sigs.k8s.io/yaml yaml.go YAMLToJSON (json.Marshal of the decoded value); go-yaml v2 decode.go mapping, merge

export interface NonFiniteValue {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

type Container = Record<string, unknown> | unknown[];

interface Noted {
  readonly container: Container;
  readonly key: string | number;
  readonly number: number;
  readonly value: NonFiniteValue;
}

/** Non-finite numbers as they are placed, and at the document's end those its value still holds. */
export class NonFiniteValues {
  readonly #noted: Noted[] = [];

  /** `container[key]` is set to `number`, read at `value`'s place. */
  note(container: Container, key: string | number, number: number, value: NonFiniteValue): void {
    this.#noted.push({ container, key, number, value });
  }

  /** A merge key copied `source[key]` into `target`. */
  copy(source: Container, target: Container, key: string): void {
    const found = this.#noted.find((noted) => noted.container === source && noted.key === key);
    if (found) this.#noted.push({ ...found, container: target });
  }

  /** The noted numbers the document's value holds, each place once, by their place in the text. */
  heldBy(root: unknown): NonFiniteValue[] {
    const reachable = containersOf(root);
    const held = new Set<NonFiniteValue>();
    for (const { container, key, number, value } of this.#noted) {
      if (reachable.has(container) && Object.is((container as Record<string | number, unknown>)[key], number)) held.add(value);
    }
    return [...held].sort((a, b) => a.start - b.start);
  }
}

/** Every mapping and sequence of `root`, each once (aliases share them). */
function containersOf(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    for (const child of Object.values(value)) stack.push(child);
  }
  return seen;
}
