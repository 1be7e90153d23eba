import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { Path } from '../model/document.js';
import type { KubeObject } from '../model/object.js';
import { DEFAULT_LIMITS, loadManifests, streamManifests } from './load-manifests.js';
import { Retainer } from './retained-document.js';

const FIXTURES = fg.sync(['fixtures/**/*.{yaml,yml,json}', 'test/corpus/**/*.{yaml,yml,json}'], { ignore: ['fixtures/hostile/generated/**'] }).sort();

/** Every path into a value (mapping keys and sequence indexes), the root included. */
function pathsOf(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base];
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...pathsOf(item, [...base, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...base, key]));
  return out;
}

/** The objects of the fixtures as the streamed run keeps them: all of them, or those of every `step`-th document. */
async function retained(step: number): Promise<KubeObject[]> {
  const retainer = new Retainer(DEFAULT_LIMITS);
  const kept: KubeObject[] = [];
  let documents = 0;
  await streamManifests(FIXTURES, {}, (document) => {
    if (documents++ % step === 0) for (const object of [...document.objects, ...document.patches]) retainer.retain(object, kept);
  });
  retainer.flush();
  return kept;
}

/** The positions (and `has`) of every path of each object, plus a missing one, as one comparable list. */
function positionsOf(objects: readonly KubeObject[]) {
  return objects.map((object) => ({
    order: object.order,
    ref: object.ref,
    value: object.value,
    positions: [...pathsOf(object.value), ['no such field', 0]].map((path) => [path.join('.'), object.rangeOf(path), object.keyRangeOf(path), object.has(path)]),
  }));
}

describe('Retainer', () => {
  it('keeps the values and positions of every object of the fixtures (sharing the text of whole files)', async () => {
    const loaded = await loadManifests(FIXTURES);
    const kept = await retained(1);
    expect(kept.length).toBe(loaded.objects.length + loaded.patches.length);
    const byOrder = (objects: readonly KubeObject[]) => [...objects].sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
    expect(positionsOf(byOrder(kept))).toEqual(positionsOf(byOrder([...loaded.objects, ...loaded.patches])));
  });

  it('keeps them when it copies documents out of files it mostly drops', async () => {
    const loaded = await loadManifests(FIXTURES);
    const kept = await retained(3);
    const all = new Map([...loaded.objects, ...loaded.patches].map((object) => [`${object.file}\0${object.order}`, object]));
    const originals = kept.map((object) => all.get(`${object.file}\0${object.order}`));
    expect(kept.length).toBeGreaterThan(0);
    expect(positionsOf(kept)).toEqual(positionsOf(originals.filter((object): object is KubeObject => object !== undefined)));
  });
});
