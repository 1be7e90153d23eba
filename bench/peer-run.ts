// Measured child for one peer: parses the same manifests file and validates it the way that library is meant to be
// used. Network access is cut (fetch rejects) so a peer that needs it fails here instead of hiding a download.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Loaded = Record<string, unknown>;
const [peer, file, peersRoot] = process.argv.slice(2);
if (peer === undefined || file === undefined || peersRoot === undefined) throw new Error('usage: peer-run PEER FILE PEERS_ROOT');

globalThis.fetch = () => Promise.reject(new Error('offline: the benchmark allows no network access'));
const modules = resolve(peersRoot, 'node_modules');
const load = (name: string): Promise<Loaded> => import(pathToFileURL(join(modules, name)).href) as Promise<Loaded>;


/** js-yaml (its usual companion) parses, then each object's model class runs its ajv-compiled validator. */
async function kubernetesModels(): Promise<{ documents: number; invalid: number }> {
  const yaml = await load('js-yaml/dist/js-yaml.mjs');
  const documents = (yaml['loadAll'] as (text: string) => unknown[])(readFileSync(file ?? '', 'utf8'));
  const classes = new Map<string, (new (value: unknown) => { validate(): void }) | undefined>();
  let invalid = 0;
  for (const document of documents) {
    const { apiVersion, kind } = document as { apiVersion: string; kind: string };
    const key = `${apiVersion}/${kind}`;
    if (!classes.has(key)) classes.set(key, await modelClass(apiVersion, kind));
    const Model = classes.get(key);
    try {
      if (Model) new Model(document).validate();
    } catch {
      invalid++;
    }
  }
  return { documents: documents.length, invalid };
}

async function modelClass(apiVersion: string, kind: string): Promise<(new (value: unknown) => { validate(): void }) | undefined> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const folder = group === '' ? (version ?? '') : `${group}/${version}`;
  const module = await load(`kubernetes-models/${folder}/${kind}.mjs`).catch(() => undefined);
  return module?.[kind] as (new (value: unknown) => { validate(): void }) | undefined;
}

/** The plugins that run offline; kubernetes-schema and open-policy-agent download schemas and wasm at run time. */
async function monokle(): Promise<{ documents: number; invalid: number }> {
  const validation = await load('@monokle/validation/lib/node.js');
  const yaml = await load('yaml/dist/index.js');
  const text = readFileSync(file ?? '', 'utf8');
  const parse = yaml['parse'] as (text: string) => { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } };
  const resources = splitDocuments(text).map(({ text: source, offset }, index) => {
    const content = parse(source);
    return { id: `r${index}`, fileId: file, filePath: file, fileOffset: offset, name: content.metadata?.name ?? '', apiVersion: content.apiVersion, kind: content.kind, namespace: content.metadata?.namespace, content, text: source };
  });
  const validator = (validation['createDefaultMonokleValidator'] as () => MonokleValidator)();
  await validator.preload({ plugins: MONOKLE_OFFLINE_PLUGINS });
  const response = await validator.validate({ resources });
  const invalid = new Set(response.runs.flatMap((run) => run.results.map((result) => result.locations?.[1]?.logicalLocations?.[0]?.fullyQualifiedName ?? ''))).size;
  return { documents: resources.length, invalid };
}

interface MonokleValidator {
  preload(config: { plugins: Record<string, boolean> }): Promise<void>;
  validate(input: { resources: unknown[] }): Promise<{ runs: { results: { locations?: { logicalLocations?: { fullyQualifiedName?: string }[] }[] }[] }[] }>;
}

const MONOKLE_OFFLINE_PLUGINS = {
  'yaml-syntax': true, 'pod-security-standards': true, 'resource-links': true, practices: true, metadata: true,
  'kubernetes-schema': false, 'open-policy-agent': false,
};

function splitDocuments(text: string): { text: string; offset: number }[] {
  const starts = [0, ...[...text.matchAll(/^---$/gm)].map((match) => match.index + 4)];
  return starts.map((start, index) => ({ text: text.slice(start, (starts[index + 1] ?? text.length + 4) - 4), offset: start }));
}

const started = performance.now();
const outcome = peer === 'kubernetes-models' ? await kubernetesModels() : await monokle();
process.stdout.write(`${JSON.stringify({ ...outcome, ms: performance.now() - started })}\n`);
