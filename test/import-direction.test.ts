import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

// Imports point one way: model/load → analysers (schema, lint, schedule, rules) → report → config → entry → cli.
const LAYERS: readonly (readonly [RegExp, number, string])[] = [
  [/^src\/config\/config\.ts$/, 0, 'base'],
  [/^src\/(model|load)\//, 0, 'base'],
  [/^schemas\//, 0, 'base'],
  [/^src\/schema\//, 1, 'schema'],
  [/^src\/lint\//, 1, 'lint'],
  [/^rules\//, 1, 'lint'],
  [/^src\/schedule\//, 1, 'schedule'],
  [/^src\/report\//, 2, 'report'],
  [/^src\/config\//, 3, 'config'],
  [/^src\/(check|catalog|version|index)\.ts$/, 4, 'entry'],
  [/^src\/cli\//, 5, 'cli'],
];

function layerOf(file: string): { rank: number; name: string } {
  const layer = LAYERS.find(([pattern]) => pattern.test(file));
  if (!layer) throw new Error(`${file} belongs to no layer: add it to LAYERS`);
  return { rank: layer[1], name: layer[2] };
}

const sources = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { ignore: ['**/*.test.ts'] });

describe('import direction', () => {
  it.each(sources)('%s imports only from its own or lower layers', (file) => {
    const from = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)[^'"]*?from '(\.[^']+)'/gm)) {
      const target = normalize(join(dirname(file), match[1] ?? '')).replace(/\.js$/, '.ts');
      const to = layerOf(target);
      const sameAnalyser = to.name === from.name;
      const allowed = to.rank < from.rank || (to.rank === from.rank && (sameAnalyser || to.rank !== 1));
      expect(allowed, `${file} (${from.name}) imports ${target} (${to.name})`).toBe(true);
    }
  });
});
