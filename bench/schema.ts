// Timing of schema validation (not a test): `npm run bench:schema`. Throughput over a large generated input, and the
// cold start of one Deployment with the precompiled validator versus compiling its JSON Schema with ajv at start-up.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { DEFAULT_LIMITS } from '../src/load/load-manifests.js';
import { parseDocuments } from '../src/load/parse-documents.js';
import { SourceText } from '../src/load/source-text.js';
import { objectsOf } from '../src/load/to-objects.js';
import type { KubeObject } from '../src/model/object.js';
import { validateObjects } from '../src/schema/validate.js';

const DOCUMENTS = 20_000;

/** A realistic mix: Deployments, Services, ConfigMaps, StatefulSets and CronJobs, one in fifty with a mistake. */
function documents(count: number): object[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `app-${i}`;
    const labels = { 'app.kubernetes.io/name': name, tier: i % 2 === 0 ? 'web' : 'worker' };
    const container = {
      name: 'app', image: `registry.example.com/${name}:1.${i % 10}`, imagePullPolicy: 'IfNotPresent',
      ports: [{ name: 'http', containerPort: 8080, protocol: i % 50 === 0 ? 'tcp' : 'TCP' }],
      env: [{ name: 'MODE', value: 'production' }],
      resources: { requests: { cpu: `${100 + (i % 9) * 50}m`, memory: '128Mi' }, limits: { memory: i % 50 === 1 ? '1 GB' : '256Mi' } },
      readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
    };
    const template = { metadata: { labels }, spec: { containers: [container] } };
    switch (i % 5) {
      case 0: return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels }, spec: { replicas: 3, selector: { matchLabels: labels }, template } };
      case 1: return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] } };
      case 2: return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { 'config.yaml': `name: ${name}\n` } };
      case 3: return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name }, spec: { serviceName: name, selector: { matchLabels: labels }, template } };
      default: return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } } } } } };
    }
  });
}

function load(text: string): KubeObject[] {
  const { documents: parsed } = parseDocuments(new SourceText('bench.yaml', text), DEFAULT_LIMITS);
  return parsed.flatMap((document, index) => objectsOf(document, { firstOrder: index, fromCluster: false }).objects);
}

function throughput(): void {
  const objects = load(documents(DOCUMENTS).map((document) => stringify(document)).join('---\n'));
  const options = { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false };
  validateObjects(objects.slice(0, 10), options); // loads the five validators once
  const start = performance.now();
  const findings = validateObjects(objects, options);
  const seconds = (performance.now() - start) / 1000;
  console.log(`throughput: ${objects.length} documents in ${seconds.toFixed(2)} s = ${Math.round(objects.length / seconds)} documents/s (${findings.length} findings)`);
}

const COLD = {
  precompiled: `const t=performance.now();const v=require(process.argv[1]+'/dist/schemas/deployment-apps-v1.cjs');v({});console.log(performance.now()-t)`,
  'compiled at start-up': `const t=performance.now();const Ajv=require('ajv').default;const fs=require('fs');const a=new Ajv({allErrors:true,strict:true,allowUnionTypes:true,inlineRefs:false});const v=a.compile(JSON.parse(fs.readFileSync(process.argv[1]+'/schemas/deployment-apps-v1.json','utf8')));v({});console.log(performance.now()-t)`,
};

function coldStart(root: string): void {
  for (const [label, code] of Object.entries(COLD)) {
    const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', code, root], { cwd: root, encoding: 'utf8' })));
    times.sort((a, b) => a - b);
    console.log(`cold start, Deployment validator ${label}: median ${(times[2] ?? 0).toFixed(0)} ms of 5 fresh processes`);
  }
}

throughput();
coldStart(fileURLToPath(new URL('../..', import.meta.url)));
