// Generates schemas/releases/*.json (what each built-in kind lacks or gates in Kubernetes 1.27 .. the newest release)
// and src/model/kubernetes-releases.ts from the per-release client-node models pinned in kubernetes-releases.json.
// Usage: npm run gen:releases (downloads the pinned packages into node_modules/.cache/kubefit-releases; the two
// releases never published to npm need git, or KUBEFIT_CLIENT_NODE_GIT pointing at a clone of the repository).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FieldFact, KindDelta } from '../src/schema/release-deltas.js';
import { builtinKinds, loadModels, type Attribute, type Model } from './gen-schemas.js';

interface ReleaseSource { readonly npm?: string; readonly git?: string; readonly models: string }
interface ReleaseInputs { readonly repository: string; readonly releases: Readonly<Record<string, ReleaseSource>> }
type Models = ReadonlyMap<string, Model>;

/** A field of the newest schema as seen in one older release: its doc comment there. */
type Presence = Map<string, string>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const CACHE = join('node_modules', '.cache', 'kubefit-releases');

export function generateReleaseFiles(root: string): Map<string, string> {
  const inputs = JSON.parse(readFileSync(join(root, 'scripts', 'kubernetes-releases.json'), 'utf8')) as ReleaseInputs;
  const releases = Object.keys(inputs.releases);
  const gates = JSON.parse(readFileSync(join(root, 'scripts', 'kubernetes-feature-gates.json'), 'utf8')) as GateFacts;
  const models = new Map(releases.map((release) => [release, loadModels(sourceDir(root, inputs, release))]));
  const newest = models.get(releases.at(-1) ?? '');
  if (!newest) throw new Error('kubernetes-releases.json lists no release');
  const files = new Map<string, string>();
  for (const kind of builtinKinds(newest)) {
    const delta = kindDelta(kind.model, releases, models, gates);
    files.set(`schemas/releases/${kind.file}.json`, `${JSON.stringify(delta)}\n`);
  }
  files.set('src/model/kubernetes-releases.ts', releaseIndex(releases));
  return files;
}

/** True when every pinned release's models are unpacked already, so generating needs no network. */
export function hasReleaseSources(root: string): boolean {
  const inputs = JSON.parse(readFileSync(join(root, 'scripts', 'kubernetes-releases.json'), 'utf8')) as ReleaseInputs;
  return Object.entries(inputs.releases).every(([release, source]) => existsSync(join(root, CACHE, release, source.models)));
}

/** Downloads (once) and unpacks a release's models; returns their directory. */
function sourceDir(root: string, inputs: ReleaseInputs, release: string): string {
  const source = inputs.releases[release];
  if (!source) throw new Error(`no source for ${release}`);
  const target = join(root, CACHE, release);
  const dir = join(target, source.models);
  if (existsSync(dir)) return dir;
  mkdirSync(target, { recursive: true });
  if (source.npm) {
    const tarball = execFileSync('npm', ['pack', source.npm, '--silent', '--pack-destination', target], { encoding: 'utf8' }).trim();
    execFileSync('tar', ['xzf', join(target, tarball), '-C', target]);
  } else if (source.git) {
    const repository = process.env['KUBEFIT_CLIENT_NODE_GIT'] ?? cloneRepository(root, inputs.repository);
    const archive = execFileSync('git', ['--git-dir', repository, 'archive', source.git, source.models], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['xf', '-', '-C', target], { input: archive });
  }
  return dir;
}

function cloneRepository(root: string, url: string): string {
  const dir = join(root, CACHE, 'client-node.git');
  if (!existsSync(dir)) execFileSync('git', ['clone', '--bare', '--filter=blob:none', url, dir], { stdio: 'inherit' });
  return dir;
}

function kindDelta(root: string, releases: readonly string[], models: ReadonlyMap<string, Models>, gates: GateFacts): KindDelta {
  const newest = models.get(releases.at(-1) ?? '') ?? new Map<string, Model>();
  const presence = new Map<string, Map<string, Presence>>();
  const removed: Record<string, Record<string, string>> = {};
  const served = releases.filter((release) => isServed(models.get(release)?.get(root)));
  for (const release of served) {
    const older = models.get(release) ?? new Map<string, Model>();
    walkPairs(root, newest, older, (model, attribute, match) => {
      if (!match) return;
      const definition = model === root ? '' : model;
      const fields = presence.get(definition) ?? new Map<string, Presence>();
      presence.set(definition, fields);
      const seen = fields.get(attribute.baseName) ?? new Map<string, string>();
      fields.set(attribute.baseName, seen);
      seen.set(release, older.get(match.definition)?.descriptions.get(match.attribute.name) ?? '');
    }, (model, key) => {
      (removed[model === root ? '' : model] ??= {})[key] = release;
    });
  }
  const fields = fieldFacts(presence, served, gates);
  const servedFrom = served[0];
  return {
    ...(servedFrom !== releases[0] && servedFrom !== undefined && { servedFrom }),
    ...(Object.keys(fields).length > 0 && { fields }),
    ...(Object.keys(removed).length > 0 && { removed: sortedRecord(removed) }),
  };
}

/** A kind's root model exists in a release when it is an object with metadata (names are reused across groups). */
function isServed(model: Model | undefined): boolean {
  return model?.attributes.some((attribute) => attribute.baseName === 'metadata') ?? false;
}

interface Match { readonly definition: string; readonly attribute: Attribute }

/**
 * Walks the newest release's definitions from `root` alongside an older release's, by JSON key, so renamed definitions
 * still pair up; reports every newest field with its older counterpart (or none) and every older key the newest lacks.
 */
function walkPairs(
  root: string,
  newest: Models,
  older: Models,
  visit: (definition: string, attribute: Attribute, match: Match | undefined) => void,
  gone: (definition: string, key: string) => void,
): void {
  const pending: [string, string][] = [[root, root]];
  const done = new Set<string>();
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [current, previous] = pair;
    if (done.has(`${current} ${previous}`)) continue;
    done.add(`${current} ${previous}`);
    const currentModel = newest.get(current);
    const previousModel = older.get(previous);
    if (!currentModel || !previousModel) continue;
    for (const attribute of currentModel.attributes) {
      const match = previousModel.attributes.find((candidate) => candidate.baseName === attribute.baseName);
      visit(current, attribute, match && { definition: previous, attribute: match });
      const next = match && [modelOf(attribute.type), modelOf(match.type)];
      if (next?.[0] && next[1] && newest.has(next[0])) pending.push([next[0], next[1]]);
    }
    for (const attribute of previousModel.attributes) {
      if (!currentModel.attributes.some((candidate) => candidate.baseName === attribute.baseName)) gone(current, attribute.baseName);
    }
  }
}

function modelOf(type: string): string | undefined {
  return /^(?:Array<|\{ \[key: string\]: )?([A-Z]\w*)/.exec(type)?.[1];
}

function fieldFacts(presence: ReadonlyMap<string, ReadonlyMap<string, Presence>>, releases: readonly string[], gates: GateFacts): Record<string, Record<string, FieldFact>> {
  const out: Record<string, Record<string, FieldFact>> = {};
  for (const definition of [...presence.keys()].sort()) {
    for (const [field, seen] of [...(presence.get(definition) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const fact = fieldFact({ definition, field }, seen, { releases, gates });
      if (fact) (out[definition] ??= {})[field] = fact;
    }
  }
  return out;
}

/** What the release notes would say of one field: when it arrived, at which maturity, from when it is on by default. */
function fieldFact(
  { definition, field }: { definition: string; field: string },
  seen: Presence,
  { releases, gates }: { releases: readonly string[]; gates: GateFacts },
): FieldFact | undefined {
  const present = releases.filter((release) => seen.has(release));
  const first = present[0];
  if (first === undefined) return undefined;
  const gate = gates.fields[`${definition}.${field}`] ?? present.map((release) => gateOf(seen.get(release) ?? '', field)).find((name) => name !== undefined);
  const stages = present.map((release) => (gate && gateStage(gates.gates[gate], release)) || stageOf(seen.get(release) ?? ''));
  const onIndex = stages.findIndex((stage) => stage.on);
  const offAgain = onIndex < 0 ? -1 : stages.findIndex((stage, index) => index > onIndex && !stage.on);
  const firstStage = stages[0]?.maturity;
  const fact: Mutable<FieldFact> = {
    ...(first !== releases[0] && { since: first }),
    ...(firstStage !== undefined && { maturity: firstStage }),
    ...(gate !== undefined && (firstStage !== undefined || offAgain >= 0) && { gate }),
    ...(onIndex !== 0 && { onFrom: onIndex < 0 ? null : present[onIndex] }),
    ...(offAgain >= 0 && { offFrom: present[offAgain] }),
  };
  return fact.since !== undefined || fact.onFrom !== undefined || fact.offFrom !== undefined ? fact : undefined;
}

interface Stage { readonly maturity: 'alpha' | 'beta' | undefined; readonly on: boolean }

/** Upstream's versioned feature-gate table: gate → [release, on by default, "Alpha" | "Beta" | "GA" | "Deprecated"]. */
type FeatureGates = Readonly<Record<string, readonly (readonly [string, boolean, string])[]>>;

/** kubernetes-feature-gates.json: the table, and "Model.field" → gate for fields whose doc comment names none. */
interface GateFacts { readonly gates: FeatureGates; readonly fields: Readonly<Record<string, string>> }

/** The gate's state in `release` (upstream: pkg/features/kube_features.go defaultVersionedKubernetesFeatureGates). */
function gateStage(specs: FeatureGates[string] | undefined, release: string): Stage | undefined {
  const spec = specs?.filter(([version]) => compareReleases(version, release) <= 0).at(-1);
  if (!spec) return undefined;
  const [, on, preRelease] = spec;
  return { maturity: preRelease === 'Alpha' ? 'alpha' : preRelease === 'Beta' ? 'beta' : undefined, on };
}

function compareReleases(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * The feature gate a field's doc comment names ("requires enabling the ServiceTrafficDistribution feature gate"); when it
 * names several, the one named after the field.
 */
export function gateOf(description: string, field: string): string | undefined {
  const names = [...description.matchAll(/\b(?:enabl\w*|requires?)\s+(?:the\s+)?([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\s+(?:feature|gate)\b/g)].map((match) => match[1] ?? '');
  return names.find((name) => name.toLowerCase().includes(field.toLowerCase())) ?? names[0];
}

/**
 * The maturity a field's doc comment states, for gates missing from upstream's table ("This is an alpha field and
 * requires enabling the X feature gate"): alpha features are off by default, beta ones on unless the comment says otherwise.
 */
export function stageOf(description: string): Stage {
  const sentence = description.split(/(?<=\.)\s+/).find((text) => /\b(?:alpha|beta)(?:-level)? field\b|\bfield is (?:alpha|beta)\b/i.test(text));
  if (!sentence) return { maturity: undefined, on: true };
  if (/\balpha\b/i.test(sentence)) return { maturity: 'alpha', on: false };
  return { maturity: 'beta', on: !/(disabled|off|not enabled) by default/i.test(sentence) };
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key] as T]));
}

function releaseIndex(releases: readonly string[]): string {
  return [
    '// Generated by scripts/gen-release-deltas.ts: the Kubernetes minor releases kubefit ships schemas for, oldest first.',
    `export const KUBERNETES_RELEASES = ${JSON.stringify(releases)} as const;`,
    '',
  ].join('\n');
}

function main(): void {
  const root = process.cwd();
  const files = generateReleaseFiles(root);
  mkdirSync(join(root, 'schemas', 'releases'), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(root, path), text);
  process.stdout.write(`wrote ${files.size} files\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
