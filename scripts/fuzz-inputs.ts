// Seeded fuzzing of kubefit's promise about bad input: a clear error at its position, the rest of the run goes on; never
// a crash, an internal-error finding, a position outside the file, a hang or a stack trace. Not part of `npm test`:
//   npx tsx scripts/fuzz-inputs.ts [--seed N] [--cases N] [--cli N] [--out DIR] [--only NAME] [--oracle BIN]
//   npx tsx scripts/fuzz-inputs.ts --scaling [--base N]   (time at n, 2n, 4n, 8n, 16n: super-linear growth)
//   npx tsx scripts/fuzz-inputs.ts --filesystem           (unreadable files, link loops, a FIFO, 300 MB, empty stdin)
// --oracle names a built test/goyaml-oracle/main.go (see ../shared/tools/goyaml-oracle): every YAML or JSON case that is
// valid UTF-8 is then also read by go-yaml v2, and each disagreement (verdict, value or words) is a failure class.
// Inputs are mutated copies of fixtures/ and, when present, $KUBEFIT_CORPUS or ../shared/corpus (read only, never
// copied into the repository), plus generated hostile documents. Nothing is read from the network. Failures are written under --out
// (default /tmp/kubefit-fuzz), one folder per class with the smallest case first, and summarised on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { parseDocument, isMap, isSeq, Scalar, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { analyze, type Command } from '../src/check.js';
import { compareWithOracle, runOracle } from '../test/goyaml-oracle.js';
import { grammarDocument } from './yaml-grammar.js';
import { documentStream, jsonLikeFlow, jsonStream, mapKeys, mergeKeys } from './differential-grammars.js';
import type { Finding } from '../src/model/finding.js';
import { UsageError } from '../src/model/usage-error.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i] ?? '';
  if (!arg.startsWith('--')) continue;
  const next = process.argv[i + 1];
  if (next !== undefined && !next.startsWith('--')) args.set(arg.slice(2), process.argv[++i] ?? '');
  else args.set(arg.slice(2), 'true');
}
const SEED = Number(args.get('seed') ?? 20261203);
const CASES = Number(args.get('cases') ?? 2000);
const CLI_CASES = Number(args.get('cli') ?? 60);
const OUT = args.get('out') ?? '/tmp/kubefit-fuzz';
const ONLY = args.get('only');
const ROOT = new URL('..', import.meta.url).pathname;
// $KUBEFIT_CORPUS, else ../shared/corpus beside the clone (as npm run bench finds it)
const CORPUS = process.env['KUBEFIT_CORPUS'] ?? join(ROOT, '../shared/corpus');
const SLOW_MS = 2000;

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = rng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

// ---------------------------------------------------------------- sources

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name) && statSync(path).size < 200_000) out.push(path);
  }
  return out;
}
const SOURCES = [...walk(join(ROOT, 'fixtures')), ...walk(CORPUS)].filter((path) => !path.includes('/go-yaml/'));
const CONTROL = join(ROOT, 'fixtures/hostile/control.yaml');
const CLUSTER = [join(ROOT, 'fixtures/demo/cluster/nodes.yaml'), join(ROOT, 'fixtures/demo/cluster/running-pods.yaml')];

// ---------------------------------------------------------------- hostile values and snippets

const HOSTILE_SCALARS = [
  'x', '"3"', '[1]', '{}', '[]', 'null', '~', 'true', '1e400', '-0', '-1', '0', '99999999999999999999999999',
  '"1e999"', '"-1"', '"0.0000000001"', `"${'1Ei'.repeat(1000)}"`, '1Ei', '"1.5.5"', '0x1F', '0o17', '.inf', '-.inf', '.nan',
  '!!binary aGVsbG8=', '!!timestamp 2001-12-14t21:59:43.10-05:00', '!!str {a: 1}', '!foo bar', '!<tag:yaml.org,2002:int> 3',
  '!!set {a, b}', '!!omap [a: 1, b: 2]', '!!int "x"', '!!float abc', '!!bool maybe', '!!null x', '*undefined', '&a x',
  '"\\u0000"', '"\\ud800"', '"\\x"', "'unterminated", '"unterminated', '[unclosed', '{unclosed: 1', '|', '>-', '? [a]',
  '"' + 'a'.repeat(100_000) + '"', 'a'.repeat(70_000), '<<', '"<<"', '=', '"\\u00e9\\U0001F600"', '0.0000000001',
  '123456789012345678901234567890', '1_000', '+12', '012', '0b101', '"\t"', '"\r"', '2024-01-01', '"key: value"',
];

const SNIPPETS = [
  'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: &d [*c, *c, *c]\ne: &e [*d, *d, *d]\nf: &f [*e, *e, *e]\ng: &g [*f, *f, *f]\nh: &h [*g, *g, *g]\ni: &i [*h, *h, *h]\nj: &j [*i, *i, *i]\nk: &k [*j, *j, *j]\nl: &l [*k, *k, *k]\nm: &m [*l, *l, *l]\n',
  'x: *nope\n', '*a : b\n', '&k key: 1\n*k : 2\n', '<<: 1\n', '<<: [a, b]\n', 'base: &s [1, 2]\n<<: *s\n', '<<: [*undefined]\n',
  'base: &m {a: 1}\nother: {<<: [*m, *m], b: 2}\n', '<<: {<<: {<<: 3}}\n', '? [a]\n: b\n', '? {a: 1}\n: b\n', '? |\n  block\n: v\n',
  'bin: !!binary |\n  R0lGODlhDAAMAIQAAP//9/X1\n', 'set: !!set {a, b}\n', 'om: !!omap [a: 1]\n', 'm: !!str {a: 1}\n', 'm: !!map [1]\n',
  's: !!seq {a: 1}\n', 'c: !custom {a: 1}\n', 'v: !<tag:example.com,2000:x> 1\n', 't: !!timestamp x\n', 'n: !e!x 1\n',
  'text: |\n  ---\n  ...\n  more\n', '...\n', '---\n', '--- |\n  top\n', '--- >\n x\n', '%YAML 1.3\n---\n', '%TAG ! tag:x.com,2000:\n---\n',
  '%FOO bar\n---\n', '%YAML 1.1\n%YAML 1.1\n---\n', 'k: "\\u0000"\n', 'k: "\\ud83d"\n', 'dup: 1\ndup: 2\n', '"a": 1\n"a": 2\n',
  '{a: 1, a: 2}\n', '[1, 2, ]\n', '{a: 1,}\n', 'k: [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]\n', 'k: v # comment\n', '# only a comment\n',
  'k: !!binary "not base64!"\n', 'k: !!int 0x\n', 'k: 1e400\n', 'k: -0\n', 'k: 0.0000000001\n', 'k:\n- a\n - b\n', 'k:\t1\n', '\tk: 1\n',
  'k: \u00a0\n', 'k: \ufeffv\n', 'k: \u2028x\n', 'k: \u0085y\n', ':\n', '- - - -\n', '? \n', '!!null : x\n', 'null: 1\n~: 2\n',
  'k: &x\n', '&x\n', '*x\n', 'k: ! a\n', 'k: !! a\n', 'k: !<> a\n', 'k: @x\n', 'k: `x\n', 'k: %x\n', 'k: |99\n  x\n', 'k: >\n\ta\n',
];

// ---------------------------------------------------------------- mutations (text level)

type Mutation = (input: Buffer) => Buffer;
const lines = (input: Buffer): string[] => input.toString('utf8').split('\n');
const join1 = (items: readonly string[]): Buffer => Buffer.from(items.join('\n'), 'utf8');

const MUTATIONS: Record<string, Mutation> = {
  byteFlip(input) {
    const out = Buffer.from(input);
    for (let n = 1 + int(4); n > 0 && out.length > 0; n--) {
      const at = int(out.length);
      out[at] = (out[at] ?? 0) ^ (1 << int(8));
    }
    return out;
  },
  byteSet(input) {
    const out = Buffer.from(input);
    for (let n = 1 + int(3); n > 0 && out.length > 0; n--) out[int(out.length)] = pick([0, 0x0d, 0x0a, 0x09, 0x22, 0x27, 0x5c, 0x3a, 0x2d, 0x7b, 0x5b, 0x23, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x25, 0x40, 0x60, 0xff, 0xc3, 0xe2, 0xf0]);
    return out;
  },
  truncate: (input) => input.subarray(0, int(input.length + 1)),
  truncateAfterEscapeOrMultibyte(input) {
    const spots: number[] = [];
    for (let i = 0; i < input.length; i++) if (input[i] === 0x5c || (input[i] ?? 0) >= 0xc0) spots.push(i + 1);
    return spots.length === 0 ? input.subarray(0, int(input.length + 1)) : input.subarray(0, pick(spots));
  },
  deleteLines(input) {
    const all = lines(input);
    const at = int(all.length);
    all.splice(at, 1 + int(3));
    return join1(all);
  },
  duplicateLines(input) {
    const all = lines(input);
    const at = int(all.length);
    all.splice(at, 0, ...all.slice(at, at + 1 + int(4)));
    return join1(all);
  },
  shuffleLines(input) {
    const all = lines(input);
    const at = int(all.length);
    const span = all.slice(at, at + 2 + int(6));
    for (let i = span.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [span[i], span[j]] = [span[j] as string, span[i] as string];
    }
    all.splice(at, span.length, ...span);
    return join1(all);
  },
  reindent(input) {
    const all = lines(input);
    const at = int(all.length);
    const delta = pick([-4, -2, -1, 1, 2, 3]);
    for (let i = at; i < Math.min(all.length, at + 1 + int(5)); i++) {
      const line = all[i] ?? '';
      all[i] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return join1(all);
  },
  tabs(input) {
    const all = lines(input);
    for (let n = 1 + int(3); n > 0; n--) {
      const at = int(all.length);
      all[at] = (all[at] ?? '').replace(/^( +)/, (spaces) => pick(['\t', '\t'.repeat(spaces.length), ` \t`, spaces + '\t']));
    }
    if (random() < 0.3) return Buffer.from(input.toString('utf8').replace(/: /g, () => (random() < 0.2 ? ':\t' : ': ')));
    return join1(all);
  },
  lineEnds(input) {
    const text = input.toString('utf8');
    const mode = int(4);
    if (mode === 0) return Buffer.from(text.replace(/\n/g, '\r\n'));
    if (mode === 1) return Buffer.from(text.replace(/\n/g, '\r'));
    if (mode === 2) return Buffer.from(text.replace(/\n/g, () => pick(['\n', '\r\n', '\r'])));
    return Buffer.from(text.replace(/\n/g, () => pick(['\n', '\u2028', '\u0085', '\n\r'])));
  },
  bom(input) {
    const text = input.toString('utf8');
    const mode = int(6);
    if (mode === 0) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
    if (mode === 1) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    if (mode === 2) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    if (mode === 3) return Buffer.from(text, 'utf16le'); // UTF-16 without a BOM
    if (mode === 4) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), input]);
    const all = lines(input);
    all.splice(int(all.length), 0, '\ufeff---');
    return join1(all);
  },
  nul(input) {
    const at = int(input.length + 1);
    return Buffer.concat([input.subarray(0, at), Buffer.from([0]), input.subarray(at)]);
  },
  invalidUtf8(input) {
    const at = int(input.length + 1);
    const bad = pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80], [0xf0, 0x9f, 0x98]]);
    return Buffer.concat([input.subarray(0, at), Buffer.from(bad), input.subarray(at)]);
  },
  controlChars(input) {
    const at = int(input.length + 1);
    return Buffer.concat([input.subarray(0, at), Buffer.from([pick([1, 7, 8, 0x0b, 0x0c, 0x1b, 0x7f])]), input.subarray(at)]);
  },
  longLine(input) {
    const all = lines(input);
    const at = int(all.length);
    const size = pick([10_000, 70_000, 200_000]);
    all.splice(at, 0, pick([`long: ${'x'.repeat(size)}`, `# ${'c'.repeat(size)}`, `long: "${'\\t'.repeat(size / 2)}"`, `${'k'.repeat(size)}: v`, `long: [${'1,'.repeat(size / 2)}1]`]));
    return join1(all);
  },
  hostileValue(input) {
    const all = lines(input);
    const candidates = all.map((line, i) => (/^\s*(- )?[\w.\/-]+:(\s|$)/.test(line) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return input;
    const at = pick(candidates);
    const line = all[at] ?? '';
    const indent = /^(\s*(- )?)/.exec(line)?.[1]?.length ?? 0;
    const key = /^\s*(?:- )?([\w.\/-]+):/.exec(line)?.[1] ?? 'k';
    // a key with children loses them, so `containers:` becomes `containers: x`
    let end = at + 1;
    while (end < all.length && ((all[end] ?? '').trim() === '' || (/^\s*/.exec(all[end] ?? '')?.[0].length ?? 0) > indent)) end++;
    all.splice(at, end - at, `${line.slice(0, indent)}${key}: ${pick(HOSTILE_SCALARS)}`);
    return join1(all);
  },
  snippet(input) {
    const all = lines(input);
    const at = int(all.length + 1);
    const indent = /^\s*/.exec(all[at] ?? '')?.[0] ?? '';
    const text = pick(SNIPPETS).replace(/\n$/, '').split('\n').map((line) => indent + line);
    all.splice(at, 0, ...text);
    return join1(all);
  },
  structural(input) {
    return structuralMutation(input) ?? input;
  },
};

// ---------------------------------------------------------------- structure-aware mutation (wrong type in any field)

function nodesOf(node: unknown, out: { parent: YAMLMap | YAMLSeq; index: number }[] = [], depth = 0): typeof out {
  if (depth > 40) return out;
  if (isMap(node)) node.items.forEach((pair, index) => {
    out.push({ parent: node, index });
    nodesOf(pair.value, out, depth + 1);
  });
  else if (isSeq(node)) node.items.forEach((item, index) => {
    out.push({ parent: node, index });
    nodesOf(item, out, depth + 1);
  });
  return out;
}

function hostileNode(doc: ReturnType<typeof parseDocument>): YamlNode {
  const kind = int(10);
  if (kind === 0) return doc.createNode([1]);
  if (kind === 1) return doc.createNode({});
  if (kind === 2) return doc.createNode([]);
  if (kind === 3) return doc.createNode({ x: [1, { y: 'z' }] });
  if (kind === 4) return doc.createNode(pick(['x', '3', '1e999', '-1', '0.0000000001', '1Ei'.repeat(1000), '', ' ', 'a'.repeat(300), 'TCP', '-', '/']));
  if (kind === 5) return doc.createNode(pick([3, -1, 0, 1e300, -0, 2 ** 53 + 1, 0.5, 4294967296, -2147483649]));
  if (kind === 6) return doc.createNode(pick([true, false, null]));
  if (kind === 7) {
    const scalar = new Scalar(pick(['aGVsbG8=', '2001-12-14', 'x', '1']));
    scalar.tag = pick(['tag:yaml.org,2002:binary', 'tag:yaml.org,2002:timestamp', '!foo', 'tag:yaml.org,2002:str']);
    return scalar;
  }
  if (kind === 8) return doc.createNode({ exec: { command: ['true'] }, httpGet: { port: 'http' }, tcpSocket: { port: 80 } });
  return doc.createNode([{ name: 1 }, 'x', null]);
}

const FIELD_NAMES = ('containers initContainers ephemeralContainers resources limits requests claims replicas nodeSelector tolerations affinity ' +
  'nodeAffinity podAffinity podAntiAffinity requiredDuringSchedulingIgnoredDuringExecution preferredDuringSchedulingIgnoredDuringExecution ' +
  'nodeSelectorTerms matchExpressions matchFields matchLabels labelSelector namespaceSelector topologyKey weight preference podAffinityTerm ' +
  'ports containerPort hostPort hostIP protocol volumes volumeMounts volumeDevices livenessProbe readinessProbe startupProbe httpGet tcpSocket ' +
  'exec grpc env envFrom valueFrom selector template metadata labels annotations name namespace generateName ownerReferences spec status ' +
  'capacity allocatable taints unschedulable nodeName priority priorityClassName preemptionPolicy storageClassName accessModes claimRef volumeName ' +
  'persistentVolumeClaim claimName hostPath emptyDir configMap secret projected ephemeral volumeClaimTemplate csi driver drivers count ' +
  'topologyKeys allowedTopologies matchLabelExpressions volumeBindingMode provisioner minAvailable maxUnavailable maxSurge topologySpreadConstraints ' +
  'maxSkew whenUnsatisfiable minDomains matchLabelKeys nodeAffinityPolicy nodeTaintsPolicy overhead runtimeClassName schedulingGates ' +
  'resourceClaims hostNetwork hostPID securityContext runAsUser sysctls capabilities serviceAccountName image imagePullPolicy command args ' +
  'items kind apiVersion data binaryData value globalDefault effect operator key values tolerationSeconds images names sizeBytes ' +
  'conditions phase volumeClaimTemplates serviceName updateStrategy rollingUpdate strategy jobTemplate schedule parallelism completions ' +
  'type clusterIP externalName targetPort nodePort rules subjects roleRef scaleTargetRef minReplicas maxReplicas metrics hard scopeSelector ' +
  'default defaultRequest max min maxLimitRequestRatio handler scheduling podFixed devices deviceClassName nodeID local path server ' +
  'dnsPolicy dnsConfig hostAliases restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds os').split(' ');

function structuralMutation(input: Buffer): Buffer | undefined {
  let doc;
  try {
    doc = parseDocument(input.toString('utf8'), { uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const nodes = nodesOf(doc.contents);
  if (nodes.length === 0) return undefined;
  try {
    for (let n = 1 + int(3); n > 0; n--) {
      const { parent, index } = pick(nodes);
      const replacement = hostileNode(doc);
      // a !!set refuses values that are not booleans: the mutation is dropped (the yaml package throws)
      if (isMap(parent) && random() < 0.35) parent.set(doc.createNode(pick(FIELD_NAMES)), replacement);
      else if (isMap(parent)) {
        const pair = parent.items[index];
        if (pair) pair.value = replacement;
      } else parent.items[index] = replacement;
    }
    return Buffer.from(doc.toString({ lineWidth: 0 }));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- generated hostile documents

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata:
      labels: {app: web}
      annotations: {a: b}
    spec:
      priorityClassName: high
      nodeSelector: {kubernetes.io/os: linux}
      tolerations:
      - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}]
              matchFields: [{key: metadata.name, operator: NotIn, values: [cp-1]}]
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 10
            preference: {matchExpressions: [{key: disk, operator: Exists}]}
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: web}}
            topologyKey: kubernetes.io/hostname
            namespaceSelector: {}
            matchLabelKeys: [pod-template-hash]
        podAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 5
            podAffinityTerm: {labelSelector: {matchExpressions: [{key: app, operator: In, values: [db]}]}, topologyKey: zone}
      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}, minDomains: 2, nodeAffinityPolicy: Honor}
      securityContext: {runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.core.somaxconn, value: "1024"}]}
      initContainers:
      - {name: init, image: busybox:1.36, command: [sh, -c, "true"], restartPolicy: Always}
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 8080, name: http, protocol: TCP, hostPort: 80}]
        env:
        - {name: A, value: x}
        - name: B
          valueFrom: {secretKeyRef: {name: s, key: k}, fieldRef: {fieldPath: metadata.name}}
        - name: C
          valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}
        envFrom: [{configMapRef: {name: cm}, prefix: P_}]
        resources:
          requests: {cpu: 100m, memory: 64Mi, ephemeral-storage: 1Gi, nvidia.com/gpu: 1, hugepages-2Mi: 2Mi}
          limits: {cpu: 200m, memory: 128Mi, nvidia.com/gpu: 1, hugepages-2Mi: 2Mi}
          claims: [{name: gpu}]
        livenessProbe: {httpGet: {path: /, port: http, httpHeaders: [{name: X, value: y}]}, initialDelaySeconds: 5, periodSeconds: 10}
        readinessProbe: {tcpSocket: {port: 8080}, exec: {command: ["true"]}}
        startupProbe: {grpc: {port: 9000, service: x}, failureThreshold: 30}
        lifecycle: {preStop: {sleep: {seconds: 5}}, postStart: {exec: {command: [x]}}}
        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}, privileged: false}
        volumeMounts:
        - {name: data, mountPath: /data, subPath: x, readOnly: true, mountPropagation: HostToContainer}
        - {name: cfg, mountPath: /cfg, subPathExpr: $(POD)}
        volumeDevices: [{name: blk, devicePath: /dev/xvda}]
        resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
      resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu-template}]
      schedulingGates: [{name: wait}]
      overhead: {cpu: 10m}
      dnsConfig: {nameservers: [1.1.1.1], options: [{name: ndots, value: "2"}]}
      hostAliases: [{ip: 10.0.0.1, hostnames: [a.local]}]
      volumes:
      - {name: data, persistentVolumeClaim: {claimName: data}}
      - {name: cfg, configMap: {name: cm, items: [{key: a, path: a, mode: 0644}], defaultMode: 420}}
      - {name: sec, secret: {secretName: s, optional: true}}
      - {name: tmp, emptyDir: {medium: Memory, sizeLimit: 1Gi}}
      - {name: host, hostPath: {path: /var/log, type: Directory}}
      - {name: proj, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 600}}, {downwardAPI: {items: [{path: l, fieldRef: {fieldPath: metadata.labels}}]}}]}}
      - {name: eph, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: fast}}}}
      - {name: csi, csi: {driver: ebs.csi.aws.com, volumeAttributes: {a: b}}}
      - {name: nfs, nfs: {server: nfs.local, path: /x}}
      - {name: ebs, awsElasticBlockStore: {volumeID: vol-1, fsType: ext4}}
      - {name: gce, gcePersistentDisk: {pdName: d}}
      - {name: az, azureDisk: {diskName: d, diskURI: uri}}
      - {name: iscsi, iscsi: {targetPortal: 1.2.3.4, iqn: iqn.x, lun: 0}}
      - {name: rbd, rbd: {monitors: [a], image: i}}
      - {name: img, image: {reference: busybox, pullPolicy: IfNotPresent}}
      - {name: git, gitRepo: {repository: x}}
      - {name: blk, persistentVolumeClaim: {claimName: blk}}
`;

const CLUSTER_OBJECTS = `apiVersion: v1
kind: Node
metadata:
  name: n1
  labels: {kubernetes.io/hostname: n1, topology.kubernetes.io/zone: zone-a, kubernetes.io/os: linux}
spec:
  taints: [{key: dedicated, value: web, effect: NoSchedule}]
  unschedulable: false
  podCIDR: 10.0.0.0/24
status:
  capacity: {cpu: "4", memory: 16Gi, pods: "110", ephemeral-storage: 100Gi, nvidia.com/gpu: "1", hugepages-2Mi: 1Gi}
  allocatable: {cpu: "4", memory: 15Gi, pods: "110", ephemeral-storage: 90Gi, nvidia.com/gpu: "1", hugepages-2Mi: 1Gi}
  images: [{names: [nginx:1.27], sizeBytes: 70000000}]
  volumesAttached: [{name: kubernetes.io/csi/x, devicePath: ""}]
  conditions: [{type: Ready, status: "True"}]
  nodeInfo: {kubeletVersion: v1.34.0, operatingSystem: linux, architecture: amd64}
---
apiVersion: v1
kind: Pod
metadata: {name: bound, namespace: shop, labels: {app: db}}
spec:
  nodeName: n1
  priority: 1000
  containers: [{name: db, image: postgres, resources: {requests: {cpu: "1", memory: 1Gi}}, ports: [{containerPort: 5432, hostPort: 5432}]}]
  volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]
status: {phase: Running}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1, labels: {topology.kubernetes.io/zone: zone-a}}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  claimRef: {name: data, namespace: shop}
  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1]}]}]}}
  local: {path: /mnt/disk}
  persistentVolumeReclaimPolicy: Retain
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: fast, volumeName: pv1}
status: {phase: Bound}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [zone-a]}]}]
parameters: {type: gp3}
---
apiVersion: storage.k8s.io/v1
kind: CSINode
metadata: {name: n1}
spec: {drivers: [{name: ebs.csi.aws.com, nodeID: i-1, allocatable: {count: 25}, topologyKeys: [topology.kubernetes.io/zone]}]}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000000
preemptionPolicy: PreemptLowerPriority
globalDefault: false
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: db, namespace: shop}
spec: {minAvailable: 1, selector: {matchLabels: {app: db}, matchExpressions: [{key: app, operator: In, values: [db]}]}}
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: gvisor}
handler: runsc
overhead: {podFixed: {cpu: 100m}}
scheduling: {nodeSelector: {a: b}, tolerations: [{operator: Exists}]}
---
apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: shop}
spec: {limits: [{type: Container, default: {cpu: 500m}, defaultRequest: {cpu: 100m}, max: {cpu: "2"}}]}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: shop}
spec: {hard: {requests.cpu: "10", pods: "20"}}
---
apiVersion: resource.k8s.io/v1
kind: DeviceClass
metadata: {name: gpu}
spec: {selectors: [{cel: {expression: "device.driver == 'gpu.example.com'"}}]}
---
apiVersion: resource.k8s.io/v1
kind: ResourceSlice
metadata: {name: s1}
spec: {driver: gpu.example.com, nodeName: n1, pool: {name: p, resourceSliceCount: 1, generation: 1}, devices: [{name: g0, capacity: {memory: {value: 16Gi}}}]}
`;

function generated(): Record<string, () => Buffer> {
  const deep = (n: number, open: string, close: string) => `k: ${open.repeat(n)}${close.repeat(n)}\n`;
  const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v\n';
  const blockSeq = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' v\n';
  return {
    billionLaughs: () => Buffer.from(SNIPPETS[0] as string),
    billionLaughsInObject: () => Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  ${(SNIPPETS[0] as string).split('\n').join('\n  ')}`),
    deepFlow: () => Buffer.from(deep(pick([100, 255, 256, 257, 1000, 10_000, 100_000]), pick(['[', '{a: ', '[{a: ']), pick([']', '}', '}]']))),
    deepFlowUnclosed: () => Buffer.from(`k: ${'['.repeat(pick([300, 50_000]))}\n`),
    deepBlock: () => Buffer.from(block(pick([100, 300, 1000, 3000]))),
    deepBlockSeq: () => Buffer.from(blockSeq(pick([100, 300, 1000]))),
    manyDocs: () => Buffer.from('---\na: 1\n'.repeat(pick([1000, 50_000, 100_001]))),
    manyEmptyDocs: () => Buffer.from('---\n'.repeat(pick([1000, 100_001]))),
    manyKeys: () => Buffer.from(Array.from({ length: pick([1000, 50_000]) }, (_, i) => `k${i}: ${i}`).join('\n')),
    manyAliases: () => Buffer.from(`a: &a x\nb: [${'*a, '.repeat(pick([1000, 200_000]))}*a]\n`),
    mergeBad: () => Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  ${pick(['<<: 1', '<<: [a, b]', '<<: *nope', '<<: {<<: 1}', '<<: [[a]]', '<<: null', '<<: !!binary aGk='])}\ndata:\n  a: b\n`),
    mergeAliasToSeq: () => Buffer.from('s: &s [1, 2]\nm: &m {a: 1}\nx:\n  <<: *s\ny:\n  <<: [*m, *s]\nz:\n  <<: [*m, *m]\n'),
    complexKey: () => Buffer.from(pick(['? [a]\n: b\n', '? {a: b}\n: c\n', '[a]: b\n', '{a: b}: c\n', 'metadata:\n  ? [name]\n  : x\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ? [a]\n  : b\n'])),
    aliasKey: () => Buffer.from(pick(['&a k: v\n*a : w\n', 'a: &k [1]\n*k : 2\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &n x}\ndata: {*n : y}\n'])),
    tags: () => Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata:\n${SNIPPETS.filter((s) => s.includes('!')).map((s) => '  ' + s.replace(/\n$/, '').split('\n').join('\n  ')).join('\n')}\n`),
    directives: () => Buffer.from(pick(['%YAML 1.3\n---\na: 1\n', '%YAML 2.0\n---\na: 1\n', '%TAG !e! tag:e.com,2000:\n---\na: !e!x 1\n', '%YAML 1.1\n', '%TAG ! !\n---\n', '%\n---\n', '--- %YAML\n', 'a: 1\n%YAML 1.1\n---\nb: 2\n', '%YAML 1.1\na: 1\n'])),
    markers: () => Buffer.from(pick(['a: |\n  ---\n  b\n', 'a: |\n---\n  b\n', '...\n---\na: 1\n...\n...\n', 'a: "x\n---\ny"\n', "a: 'x\n...\ny'\n", '--- a\n--- b\n', '---a: 1\n', '--- # c\n...\n', 'a: [\n---\n]\n', 'a:\n  - |\n   ---\n'])),
    json: () => Buffer.from(pick(['{"a": 1e400}', '{"a": -0}', '{"a": 123456789012345678901234567890}', '{"a": "\\u0000"}', '{"a": "\\ud800"}', '{"a": "\\udc00\\ud800"}', '{"a": 1, "a": 2}', '{"a": 1 // c\n}', '{"a": 1 /* c */}', '{"a": [1, 2,],}', '"scalar"', '[1, 2]', '42', 'null', '[{"apiVersion": "v1", "kind": "Pod"}]', '{"apiVersion": "v1", "kind": "List", "items": [1, "x", null, {"kind": "Pod"}]}', '{"a": "\\x41"}', '{"a": 0x10}', '{"a": NaN}', '{"a": .5}', '{"a": 01}', '{\'a\': 1}', '{"a"\n:\n1}', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":1e400}}'])),
    list: () => Buffer.from(`apiVersion: v1\nkind: List\nitems: ${pick(['x', '{}', '{a: 1}', '[1, x, null]', '[[{}]]', '[{kind: Pod}]', '[{apiVersion: v1, kind: List, items: [{apiVersion: v1, kind: Pod, metadata: {name: p}}]}]', '!!set {a}', '*x', 'null', '[{apiVersion: v1, kind: Pod, metadata: {name: [x]}}]'])}\n`),
    wrongFields: () => structuralMutation(Buffer.from(DEPLOYMENT)) ?? Buffer.from(DEPLOYMENT),
    wrongFieldsMany: () => {
      let out: Buffer = Buffer.from(DEPLOYMENT);
      for (let n = 0; n < 8; n++) out = structuralMutation(out) ?? out;
      return out;
    },
    deploymentText: () => MUTATIONS[pick(Object.keys(MUTATIONS))]!(Buffer.from(DEPLOYMENT)),
    whitespace: () => Buffer.from(whitespaceDocument()),
    scalars: () => Buffer.from(scalarsDocument()),
    structure: () => Buffer.from(structureDocument()),
    grammar: () => Buffer.from(grammarDocument(random)),
    jsonStream: () => Buffer.from(jsonStream(random)),
    jsonLikeFlow: () => Buffer.from(jsonLikeFlow(random)),
    documentStream: () => Buffer.from(documentStream(random)),
    mapKeys: () => Buffer.from(mapKeys(random)),
    mergeKeys: () => Buffer.from(mergeKeys(random)),
  };
}
/**
 * A ConfigMap whose lines mix the white space and indicators go-yaml's scanner is strict about where js-yaml is not:
 * tabs in and after a line's indentation, after `- `, `? ` and `:`, comments right after a token, blank lines of
 * spaces and tabs, block scalar headers (the go-yaml oracle judges each).
 */
function whitespaceDocument(): string {
  const blank = () => pick(['', ' ', '  ', '\t', ' \t', '\t ', '   ']);
  const indent = (depth: number) => ' '.repeat(depth * 2) + (random() < 0.15 ? pick(['\t', ' \t', '\t ', ' ']) : '');
  const value = () => pick(['x', 'a b', '"q"', "'s'", '1', '', '[a, b]', '{k: v}', '|', '>-', '|# c', '&a x', '*a', '!!str y', 'x # c', 'x\t# c', '"q"# c', '[a]#c', '"a\tb"', 'y:', '- z', '? q', '[\n\t1]', '"m\n\tl"']);
  const line = (depth: number) => {
    const kind = random();
    if (kind < 0.35) return `${indent(depth)}k${int(4)}:${blank()}${value()}${random() < 0.2 ? `${blank()}# c` : ''}`;
    if (kind < 0.55) return `${indent(depth)}-${pick([' ', '\t', ' \t', '  '])}${value()}`;
    if (kind < 0.65) return `${indent(depth)}${blank()}# comment`;
    if (kind < 0.75) return blank();
    if (kind < 0.8) return `${indent(depth)}?${blank()}${value()}`;
    if (kind < 0.85) return `${indent(depth)}:${blank()}${value()}`;
    if (kind < 0.9) return `${indent(depth)}  ${value()}`;
    return `${indent(depth)}k:`;
  };
  const lines: string[] = [];
  for (let depth = 1, n = 2 + int(5); n > 0; n--, depth = Math.max(1, Math.min(3, depth + pick([-1, 0, 0, 1])))) lines.push(line(depth));
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ws\ndata:\n${lines.join('\n')}\n`;
}
/**
 * A ConfigMap of scalars in every style go-yaml and js-yaml may read apart: escapes and folded lines in double quotes,
 * `''` and folds in single quotes, plain scalars over several lines and with `#`, `:` and indicators inside, block
 * scalars with indentation and chomping indicators, blank and more-indented lines, YAML 1.1 values (octal, sexagesimal,
 * `y`, `~`), quoted and odd keys (the go-yaml oracle judges each).
 */
function scalarsDocument(): string {
  const piece = () => pick(['a', 'b c', ' ', '  ', '\t', '#', ' #', ':', ': ', '-', '\\', '\\n', '\\t', '\\x41', '\\u00e9', '\\/', "''", '"', '\n', '\n\n', '\n  ', '\n    x', '\n\t', '\u00e9', '0', '1_000', '0x1F', '017', '1:30', '.5', '-.inf', 'y', 'No', '~', 'null', '2001-12-14', '*', '&', '!', '%', '@', '`', '?', '|', '>', '[', '{', ',', '}', ']']);
  const text = () => Array.from({ length: 1 + int(4) }, piece).join('');
  const oneLine = () => text().replace(/\n/g, ' ');
  const indent = (n: number, body: string) => body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(n) + l)).join('\n');
  const value = () => {
    switch (int(7)) {
      case 0: return `"${text().replace(/"/g, '\\"')}"`;
      case 1: return `'${text().replace(/'/g, "''")}'`;
      case 2: return oneLine();
      case 3: return `${oneLine()}\n${indent(4, oneLine())}`;
      case 4: return `${pick(['|', '>', '|-', '>+', '|2', '>1-', '|+'])}${pick(['', ' # c', '  '])}\n${indent(4, text())}${pick(['', '\n', '\n\n', '\n  \n'])}`;
      case 5: return pick(['[', '{']) + oneLine() + pick([']', '}']);
      default: return `"${text().replace(/"/g, '\\"')}`.replace(/\n/g, '\n   ') + '"';
    }
  };
  const key = () => pick(['k', '"k x"', "'k''s'", 'k.y', '? k', '"a\\tb"', 'k#', '-k', 'k:', '1', '~', 'y']);
  const lines = Array.from({ length: 1 + int(4) }, () => `  ${key()}: ${value()}`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scalars\ndata:\n${lines.join('\n')}\n`;
}
/**
 * A Deployment-shaped document whose collections are written every way go-yaml and js-yaml may read apart: flow
 * collections over lines and left of their key, nested and empty, with trailing commas, `? ` keys and flow pairs;
 * block sequences at the key's column or indented, compact nested `- - `, anchors and merges on collections.
 */
function structureDocument(): string {
  const atom = () => pick(['a', '"b c"', "'d'", '1', 'x: y', '"k": v', '? q', '', '-', ':', '::1', 'a:b', '[]', '{}', '*a', '&b z', '!!str 1', 'a #c']);
  const flow = (depth: number): string => {
    const items = Array.from({ length: int(4) }, () => (depth < 2 && random() < 0.3 ? flow(depth + 1) : atom()));
    const open = pick(['[', '{']);
    const separator = pick([', ', ',', ',\n  ', ' ,', ',\n', ', \n    ']);
    return `${open}${pick(['', ' ', '\n  ', '\n'])}${items.join(separator)}${pick(['', ',', ' ', '\n', '\n  '])}${open === '[' ? ']' : '}'}`;
  };
  const block = (indent: number, depth: number): string => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (let n = 1 + int(3); n > 0; n--) {
      const kind = int(6);
      const key = pick(['name', 'image', 'args', 'env', 'labels', '"quoted"', 'k', '<<']);
      if (kind === 0 && depth < 3) lines.push(`${pad}${key}:${pick(['', ' &m'])}\n${block(indent + pick([0, 2, 4]), depth + 1)}`);
      else if (kind === 1 && depth < 3) lines.push(`${pad}${key}:\n${pad}${pick(['', '  '])}- ${pick(['', '- ', '? '])}${atom()}\n${pad}${pick(['', '  '])}-${pick([' ', '\n' + pad + '    '])}${atom()}`);
      else if (kind === 2) lines.push(`${pad}${key}: ${flow(0).replace(/\n/g, `\n${pad}${pick(['', '  ', ' '])}`)}`);
      else if (kind === 3) lines.push(`${pad}? ${atom()}\n${pad}: ${atom()}`);
      else lines.push(`${pad}${key}: ${atom()}`);
    }
    return lines.join('\n');
  };
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: structure\nspec:\n${block(2, 0)}\n`;
}
const GENERATED = generated();

// ---------------------------------------------------------------- invariants

interface Failure {
  readonly class: string;
  readonly detail: string;
}

function lineCount(bytes: Buffer): number {
  const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes.length > 1 && bytes[1] === 0)) texts.push(bytes.toString('utf16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) texts.push(Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16().toString('utf16le'));
  return Math.max(...texts.map((text) => text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length));
}

function checkFindings(findings: readonly Finding[], files: ReadonlyMap<string, Buffer>): Failure[] {
  const failures: Failure[] = [];
  const counts = new Map([...files].map(([file, bytes]) => [file, lineCount(bytes)]));
  for (const finding of findings) {
    if (finding.ruleId === 'internal-error') failures.push({ class: `internal-error: ${normalise(finding.message)}`, detail: `${finding.file}:${finding.line}:${finding.column} ${finding.message}` });
    const count = counts.get(finding.file);
    const where = `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message.slice(0, 200)}`;
    if (!(finding.line >= 1 && finding.column >= 1)) failures.push({ class: `position < 1 (${finding.ruleId})`, detail: where });
    if (!(finding.endLine >= finding.line) || (finding.endLine === finding.line && finding.endColumn < finding.column)) failures.push({ class: `end before start (${finding.ruleId})`, detail: where });
    if (count !== undefined) {
      if (finding.line > count + 1 || finding.endLine > count + 1) failures.push({ class: `position past the end (${finding.ruleId})`, detail: `${where} (file has ${count} lines)` });
    }
    if (!Number.isFinite(finding.line) || !Number.isFinite(finding.column)) failures.push({ class: `position not a number (${finding.ruleId})`, detail: where });
  }
  return failures;
}

function normalise(message: string): string {
  return message.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 120);
}

function controlView(findings: readonly Finding[]): string {
  return JSON.stringify(findings.filter((finding) => finding.file === CONTROL).map((f) => [f.ruleId, f.line, f.column, f.message]));
}

// ---------------------------------------------------------------- running

const RUN_OPTIONS = { configFile: false as const, cacheDir: false as const, cwd: ROOT };
let controlAlone = '';

async function runLibrary(command: Command, file: string, bytes: Buffer, cluster: readonly string[] | undefined, extraFiles: ReadonlyMap<string, Buffer>): Promise<{ failures: Failure[]; ms: number }> {
  const failures: Failure[] = [];
  const started = performance.now();
  const inputs = command === 'fit' ? [file] : [file, CONTROL];
  try {
    const { report } = await analyze(command, inputs, { ...RUN_OPTIONS, ...(cluster && { cluster }) });
    const files = new Map([[file, bytes], ...extraFiles]);
    failures.push(...checkFindings(report.findings, files));
    if (command === 'check' && controlView(report.findings) !== controlAlone) failures.push({ class: 'control file analysed differently', detail: controlView(report.findings).slice(0, 400) });
    if (command === 'fit') for (const [path] of extraFiles) if (!report.findings.some((f) => f.file === path) && report.scheduling.length === 0 && report.findings.length === 0) failures.push({ class: 'fit: nothing reported', detail: path });
  } catch (error) {
    const usage = error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    // a UsageError is right only for usage problems; a fit without nodes is one (no Node objects to schedule on)
    if (!usage) failures.push({ class: `${command} threw ${(error as Error)?.constructor?.name}: ${normalise(message)}`, detail: (error as Error)?.stack?.split('\n').slice(0, 8).join('\n') ?? message });
  }
  const ms = performance.now() - started;
  // a few kB must take well under a second; larger generated inputs get 10 ms per kB more
  if (ms > SLOW_MS + bytes.length / 100) failures.push({ class: `${command} slow (> ${SLOW_MS} ms + 10 ms/kB)`, detail: `${Math.round(ms)} ms for ${bytes.length} bytes` });
  return { failures, ms };
}

const BIN = join(ROOT, 'dist/bundle/cli/bin.js');
function runCli(command: Command, file: string, cluster: readonly string[] | undefined): Failure[] {
  if (!existsSync(BIN)) return [];
  const argv = [BIN, command, file, ...(command === 'fit' ? [] : [CONTROL]), ...(cluster ? cluster.flatMap((c) => ['--cluster', c]) : []), '--format', pick(['json', 'text', 'sarif', 'github'])];
  const started = performance.now();
  const result = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, KUBEFIT_CACHE_DIR: '', NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const failures: Failure[] = [];
  const stderr = result.stderr ?? '';
  if (result.status === null) failures.push({ class: `cli ${command} killed (${result.signal})`, detail: `${Math.round(ms)} ms` });
  else if (result.status === 2 && !(command === 'fit' && /no Node objects/.test(stderr))) failures.push({ class: `cli ${command} exit 2: ${normalise(stderr.split('\n')[0] ?? '')}`, detail: stderr.slice(0, 600) });
  else if (result.status !== 0 && result.status !== 1 && result.status !== 2) failures.push({ class: `cli ${command} exit ${result.status}`, detail: stderr.slice(0, 600) });
  if (/\n {4}at /.test(stderr)) failures.push({ class: `cli ${command} stack trace`, detail: stderr.slice(0, 600) });
  return failures;
}

interface CaseResult {
  readonly id: string;
  readonly origin: string;
  readonly bytes: Buffer;
  readonly failures: Failure[];
}

async function main(): Promise<void> {
  mkdirSync(join(OUT, 'cases'), { recursive: true });
  controlAlone = controlView((await analyze('check', [CONTROL], RUN_OPTIONS)).report.findings);
  const clusterBase = join(OUT, 'cluster-objects.yaml');
  writeFileSync(clusterBase, CLUSTER_OBJECTS);
  const workload = join(OUT, 'workload.yaml');
  writeFileSync(workload, DEPLOYMENT);
  console.log(`seed ${SEED}, ${CASES} cases, ${CLI_CASES} through the CLI, ${SOURCES.length} source files (${SOURCES.filter((s) => s.startsWith(CORPUS)).length} from the corpus)`);
  const classes = new Map<string, CaseResult[]>();
  const byOrigin = new Map<string, number>();
  let slowest = { ms: 0, id: '' };
  const cliEvery = CLI_CASES > 0 ? Math.max(1, Math.floor(CASES / CLI_CASES)) : Infinity;
  const generatorNames = Object.keys(GENERATED);
  const mutationNames = Object.keys(MUTATIONS);
  for (let n = 0; n < CASES; n++) {
    random = rng(SEED * 1_000_003 + n); // each case reproducible on its own: --seed S --only-case n
    const id = String(n).padStart(5, '0');
    const mode = int(10);
    let origin: string;
    let bytes: Buffer;
    let command: Command = 'check';
    let cluster: string[] | undefined;
    const extra = new Map<string, Buffer>();
    if (mode < 2) {
      const name = pick(generatorNames);
      origin = `generated:${name}`;
      bytes = GENERATED[name]!();
    } else if (mode < 4) {
      // fit with a hostile cluster
      command = 'fit';
      const steps = 1 + int(3);
      const names: string[] = [];
      bytes = Buffer.from(CLUSTER_OBJECTS);
      for (let s = 0; s < steps; s++) {
        const name = random() < 0.6 ? 'structural' : pick(mutationNames);
        names.push(name);
        bytes = MUTATIONS[name]!(bytes);
      }
      origin = `cluster:${names.join('+')}`;
    } else {
      const source = pick(SOURCES);
      const steps = 1 + int(3);
      const names: string[] = [];
      bytes = readFileSync(source);
      for (let s = 0; s < steps; s++) {
        const name = random() < 0.3 ? 'structural' : pick(mutationNames);
        names.push(name);
        bytes = MUTATIONS[name]!(bytes);
      }
      origin = `${relative(ROOT, source).replace(/^\.\.\/\.\.\/shared\//, 'shared/')}:${names.join('+')}`;
      if (mode === 9) command = 'fit';
      if (mode === 8) command = 'lint';
    }
    if (ONLY && !origin.includes(ONLY)) continue;
    byOrigin.set(origin.split(':').slice(-1)[0]!.split('+')[0]!, (byOrigin.get(origin.split(':').slice(-1)[0]!.split('+')[0]!) ?? 0) + 1);
    const ext = bytes[0] === 0x7b || bytes[0] === 0x5b ? 'json' : 'yaml';
    const file = join(OUT, 'cases', `${id}.${ext}`);
    writeFileSync(file, bytes);
    let inputFile = file;
    if (command === 'fit') {
      if (origin.startsWith('cluster:')) {
        cluster = [file, clusterBase];
        inputFile = workload;
        extra.set(file, bytes);
        extra.set(clusterBase, Buffer.from(CLUSTER_OBJECTS));
        extra.set(workload, Buffer.from(DEPLOYMENT));
      } else cluster = [clusterBase, ...CLUSTER];
    }
    const { failures, ms } = await runLibrary(command, inputFile, inputFile === file ? bytes : Buffer.from(DEPLOYMENT), cluster, extra);
    if (ms > slowest.ms) slowest = { ms, id };
    if (n % cliEvery === 0) failures.push(...runCli(command, inputFile, cluster));
    for (const failure of failures) {
      const list = classes.get(failure.class) ?? [];
      list.push({ id, origin, bytes, failures: [failure] });
      classes.set(failure.class, list);
    }
    if ((n + 1) % 250 === 0) console.log(`  ${n + 1} cases, ${classes.size} failure classes, slowest ${Math.round(slowest.ms)} ms (case ${slowest.id})`);
  }
  const oracle = args.get('oracle');
  if (oracle) {
    const files = readdirSync(join(OUT, 'cases')).filter((name) => /\.(?:yaml|json)$/.test(name)).map((name) => join(OUT, 'cases', name));
    // go-yaml reads bytes; kubectl decodes them first (invalid UTF-8 becomes U+FFFD, UTF-16 is decoded): those are left out
    const texts = files.map((file) => readFileSync(file)).map((bytes) => (isUtf8(bytes) && !bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) && !bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ? bytes.toString('utf8') : undefined));
    const compared = files.filter((_, index) => texts[index] !== undefined);
    const verdicts = runOracle(oracle, compared);
    for (const [index, file] of files.entries()) {
      const text = texts[index];
      if (text === undefined) continue;
      for (const disagreement of compareWithOracle(file, text, verdicts.get(file) ?? [])) {
        const name = `go-yaml ${normalise(disagreement.goYaml).slice(0, 70)} / kubefit ${normalise(disagreement.kubefit).replace(/\[.*$/, '[…]').slice(0, 70)}`;
        const list = classes.get(name) ?? [];
        list.push({ id: file.replace(/.*\//, '').replace(/\.(?:yaml|json)$/, ''), origin: 'oracle', bytes: Buffer.from(text), failures: [{ class: name, detail: `line ${disagreement.line}: go-yaml ${disagreement.goYaml.slice(0, 200)}; kubefit ${disagreement.kubefit.slice(0, 200)}` }] });
        classes.set(name, list);
      }
    }
    console.log(`go-yaml oracle: ${compared.length} of ${files.length} YAML cases compared`);
  }
  console.log(`\n${CASES} cases (seed ${SEED}); slowest ${Math.round(slowest.ms)} ms (case ${slowest.id}); failure classes: ${classes.size}`);
  const report: string[] = [];
  for (const [name, cases] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
    cases.sort((a, b) => a.bytes.length - b.bytes.length);
    const dir = join(OUT, 'failures', name.replace(/[^\w.-]+/g, '_').slice(0, 80));
    mkdirSync(dir, { recursive: true });
    for (const c of cases.slice(0, 5)) writeFileSync(join(dir, `${c.id}.yaml`), c.bytes);
    const first = cases[0]!;
    report.push(`${cases.length}\t${name}\n\tsmallest: case ${first.id} (${first.bytes.length} bytes, ${first.origin})\n\t${first.failures[0]!.detail.split('\n').join('\n\t')}`);
  }
  console.log(report.join('\n'));
  writeFileSync(join(OUT, 'summary.txt'), report.join('\n') + '\n');
  process.exitCode = classes.size > 0 ? 1 : 0;
}

// ---------------------------------------------------------------- scaling: time at n, 2n, 4n, 8n

const SCALING: Record<string, (n: number) => string> = {
  longPlainScalar: (n) => `k: ${'word '.repeat(n * 200)}\n`,
  longDoubleQuoted: (n) => `k: "${'\\t a'.repeat(n * 100)}"\n`,
  longSingleQuoted: (n) => `k: '${"a''".repeat(n * 100)}'\n`,
  foldedMultiline: (n) => `k: >\n${'  line of text\n'.repeat(n * 20)}`,
  plainMultiline: (n) => `k: first\n${'  continued plain line\n'.repeat(n * 20)}`,
  longFlowSeq: (n) => `k: [${'1, '.repeat(n * 100)}1]\n`,
  longFlowMap: (n) => `k: {${Array.from({ length: n * 50 }, (_, i) => `k${i}: v`).join(', ')}}\n`,
  manyKeys: (n) => Array.from({ length: n * 50 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n',
  duplicateKeys: (n) => 'k: 1\n'.repeat(n * 50),
  manyComments: (n) => '# comment\n'.repeat(n * 100) + 'a: 1\n',
  manyDocs: (n) => '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'.repeat(n * 5),
  manyAliases: (n) => `a: &a {x: 1}\nb: [${'*a, '.repeat(n * 50)}*a]\n`,
  manyAnchors: (n) => Array.from({ length: n * 20 }, (_, i) => `k${i}: &a${i} v`).join('\n') + '\n',
  unclosedQuote: (n) => `k: "${'a\n'.repeat(n * 50)}`,
  unclosedFlow: (n) => `k: [${'a,\n'.repeat(n * 50)}`,
  badIndentMany: (n) => Array.from({ length: n * 20 }, (_, i) => `${i % 2 ? '   ' : ''}k${i}: v`).join('\n') + '\n',
  deepBlockNesting: (n) => Array.from({ length: Math.min(n * 2, 250) }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' v\n',
  manyContainers: (n) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${Array.from({ length: n * 5 }, (_, i) => `  - {name: c${i}, image: nginx, ports: [{containerPort: ${1000 + i}, hostPort: ${1000 + i}}], env: [{name: A, value: x}]}`).join('\n')}\n`,
  manyServicesAndDeployments: (n) => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec: {replicas: 2, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}}\n`).join('---\n'),
  manyEnv: (n) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n${Array.from({ length: n * 20 }, (_, i) => `    - {name: V${i % 7}, value: x}`).join('\n')}\n`,
  manyLabels: (n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  labels:\n${Array.from({ length: n * 20 }, (_, i) => `    l${i}: v`).join('\n')}\n`,
  bigConfigMapData: (n) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  big: |\n${'    some text line\n'.repeat(n * 100)}`,
  invalidUtf8Many: (n) => `k: "${'a\udcff'.repeat(n * 50)}"\n`,
};

async function scaling(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const base = Number(args.get('base') ?? 20);
  for (const [name, make] of Object.entries(SCALING)) {
    if (ONLY && !name.includes(ONLY)) continue;
    const times: number[] = [];
    const sizes: number[] = [];
    for (const factor of [1, 2, 4, 8, 16]) {
      const file = join(OUT, `scale-${name}-${factor}.yaml`);
      const text = make(base * factor);
      writeFileSync(file, text.replace(/\udcff/g, '\u00ff'));
      let best = Infinity;
      for (let round = 0; round < 2; round++) {
        const started = performance.now();
        await analyze('check', [file], RUN_OPTIONS);
        best = Math.min(best, performance.now() - started);
      }
      times.push(best);
      sizes.push(text.length);
    }
    const ratio = (times[4] as number) / Math.max(1, times[2] as number);
    console.log(`${ratio > 6 ? 'SUPER-LINEAR' : 'ok          '} ${name.padEnd(28)} ${sizes.map((size, i) => `${Math.round(size / 1024)}k:${Math.round(times[i] as number)}ms`).join('  ')}  (x4 size: x${ratio.toFixed(1)} time)`);
  }
}

// ---------------------------------------------------------------- the file system: what the CLI meets before any parsing

async function filesystem(): Promise<void> {
  const { chmodSync, mkdirSync: mkdir, rmSync, symlinkSync, truncateSync } = await import('node:fs');
  const dir = join(OUT, 'fs');
  rmSync(dir, { recursive: true, force: true });
  mkdir(join(dir, 'dir.yaml'), { recursive: true });
  writeFileSync(join(dir, 'unreadable.yaml'), 'a: 1\n');
  chmodSync(join(dir, 'unreadable.yaml'), 0);
  mkdir(join(dir, 'unlistable'));
  chmodSync(join(dir, 'unlistable'), 0);
  symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
  symlinkSync('missing.yaml', join(dir, 'dangling.yaml'));
  mkdir(join(dir, 'up'));
  symlinkSync('..', join(dir, 'up', 'parent'));
  spawnSync('mkfifo', [join(dir, 'walked', 'fifo.yaml')].map((path) => (mkdir(join(dir, 'walked'), { recursive: true }), path)));
  writeFileSync(join(dir, 'empty.yaml'), '');
  writeFileSync(join(dir, 'comments.yaml'), '# only\n# comments\n');
  writeFileSync(join(dir, 'huge.yaml'), '');
  truncateSync(join(dir, 'huge.yaml'), 300 * 1024 * 1024); // sparse: 300 MB of NUL bytes, over the size limit
  const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const cases: [string, string[], string?][] = [
    ['unreadable file, directory named like a file, link loop, dangling link', ['unreadable.yaml', 'dir.yaml', 'loop-a.yaml', 'dangling.yaml']],
    ['unlistable folder', ['unlistable']],
    ['a folder with a link to its parent and a named pipe', ['up', 'walked']],
    ['empty file, comments only', ['empty.yaml', 'comments.yaml']],
    ['300 MB file', ['huge.yaml']],
    ['empty standard input', ['-'], ''],
  ];
  for (const [name, inputs, stdin] of cases) {
    const started = performance.now();
    const command = [...asNobody, process.execPath, BIN, 'check', ...inputs, CONTROL, '--format', 'text'];
    const result = spawnSync(command[0] as string, command.slice(1), { cwd: dir, encoding: 'utf8', timeout: 60_000, input: stdin ?? '', env: { ...process.env, NO_COLOR: '1' } });
    const ms = Math.round(performance.now() - started);
    const stack = /\n {4}at /.test(result.stderr);
    const controlChecked = result.stdout.includes('control.yaml');
    const ok = (result.status === 1 || (result.status === 2 && stdin !== undefined)) && !stack && (controlChecked || stdin !== undefined);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: exit ${result.status}${result.signal ? ` (${result.signal})` : ''}, ${ms} ms${stack ? ', stack trace' : ''}${controlChecked ? '' : ', control file not reported'}`);
    for (const line of `${result.stdout}${result.stderr}`.split('\n').filter((text) => /file-unreadable|too-large|binary-file|kubefit: (?!no Node)|^\S+\.yaml$/.test(text) && !text.includes('control')).slice(0, 12)) console.log(`       ${line.trim()}`);
  }
  chmodSync(join(dir, 'unlistable'), 0o755);
}

if (args.has('scaling')) await scaling();
else if (args.has('filesystem')) await filesystem();
else await main();
