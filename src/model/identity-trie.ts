// Values memoised by a sequence of keys compared as Map keys compare them (objects by identity), without building a
// text key: what equal parts shared by thousands of objects (a cluster snapshot's nodes) are looked up by.

/** One level per key: `trie.at(a).at(b).value(make)` is made once per distinct (a, b). Map keys take -0 for 0. */
export class IdentityTrie<T> {
  /** Made on the first child: most levels of a large trie are leaves. */
  #next: Map<unknown, IdentityTrie<T>> | undefined;
  #value: T | undefined;
  #made = false;

  at(key: unknown): IdentityTrie<T> {
    this.#next ??= new Map();
    let child = this.#next.get(key);
    if (!child) this.#next.set(key, (child = new IdentityTrie<T>()));
    return child;
  }

  /** The value kept here, made by `make` the first time. */
  value(make: () => T): T {
    if (!this.#made) this.set(make());
    return this.#value as T;
  }

  /** The value kept here, if any. */
  get(): T | undefined {
    return this.#value;
  }

  set(value: T): void {
    this.#value = value;
    this.#made = true;
  }
}
