// The warnings the API server returns when it accepts a pod or a pod template, which kubectl prints as "Warning: ...":
// deprecated node labels and annotations, removed volume plugins, selectors that match nothing, duplicate entries,
// fractional byte amounts, ambiguous ports.
// upstream: pkg/api/pod/warnings.go warningsForPodSpecAndMeta, pkg/api/node/util.go (v1.32 to v1.36)
import { defineRule } from '../src/lint/define-rule.js';
import { compareReleases } from '../src/model/kubernetes-version.js';
import { asArray, asRecord, stringField } from '../src/model/object.js';
import { defaultedHostPort } from '../src/model/pod-defaults.js';
import { ceilMilliValue, formatQuantity, parseQuantity, quantityFormat } from '../src/model/quantity.js';
import type { Path } from '../src/model/document.js';
import { fieldPathString, goQuote, key as mapKey, toPath, type FieldPath } from '../src/model/field-path.js';
import type { Workload } from '../src/model/workload.js';

/** upstream: node/util.go deprecatedNodeLabels. */
const DEPRECATED_NODE_LABELS: ReadonlyMap<string, string> = new Map([
  ['beta.kubernetes.io/arch', 'deprecated since v1.14; use "kubernetes.io/arch" instead'],
  ['beta.kubernetes.io/os', 'deprecated since v1.14; use "kubernetes.io/os" instead'],
  ['failure-domain.beta.kubernetes.io/region', 'deprecated since v1.17; use "topology.kubernetes.io/region" instead'],
  ['failure-domain.beta.kubernetes.io/zone', 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead'],
  ['beta.kubernetes.io/instance-type', 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead'],
  ['app.kubernetes.io/created-by', 'deprecated since v1.9'],
  ['scheduler.alpha.kubernetes.io/preferAvoidPods', 'deprecated since v1.22; use Taints and Tolerations instead'],
  ['node-role.kubernetes.io/master', 'use "node-role.kubernetes.io/control-plane" instead'],
]);

/** upstream: warnings.go deprecatedAnnotations. */
const DEPRECATED_ANNOTATIONS: ReadonlyMap<string, string> = new Map([
  ['scheduler.alpha.kubernetes.io/critical-pod', 'non-functional in v1.16+; use the "priorityClassName" field instead'],
  ['security.alpha.kubernetes.io/sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
  ['security.alpha.kubernetes.io/unsafe-sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
]);

/** Removed volume plugins and the release whose warnings name them (cephfs and rbd from v1.28). */
const DEPRECATED_VOLUMES: readonly (readonly [field: string, message: string, since?: string])[] = [
  ['photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'deprecated in v1.28, non-functional in v1.31+', '1.28'],
  ['rbd', 'deprecated in v1.28, non-functional in v1.31+', '1.28'],
];
/** The v1 field of each plugin as the warning names it (the internal type's JSON name). */
const VOLUME_FIELD_NAMES: Readonly<Record<string, string>> = { storageos: 'storageOS' };

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
/** AppArmorFields is on by default from v1.30: the annotation warning comes with it. */
const APPARMOR_FIELDS_SINCE = '1.30';
const BYTE_RESOURCES = ['memory', 'ephemeral-storage'];
const NULL_SELECTOR = 'a null labelSelector results in matching no pod';

/** The kinds whose strategies return these warnings (GetWarningsForPod, GetWarningsForPodTemplate). */
const WARNING_KINDS: ReadonlySet<string> = new Set(['Pod', 'ReplicationController', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

interface Warning {
  readonly text: string;
  readonly at: Path;
  readonly on?: 'key';
}


function warnings(workload: Workload, release: string): Warning[] {
  const out: Warning[] = [];
  const spec = workload.podSpec;
  const specPath = workload.podSpecPath;
  // the field path as upstream prints it (a map key as `[key]`: field-error.ts)
  const warn: Warn = (field, message, on) => out.push({ text: `${fieldPathString(field)}: ${message}`, at: toPath(field), ...(on && { on }) });

  // deprecated node labels in the node selector, node affinity and topology keys
  for (const key of Object.keys(asRecord(spec['nodeSelector']) ?? {})) {
    const message = DEPRECATED_NODE_LABELS.get(key);
    if (message) warn([...specPath, 'nodeSelector', mapKey(key)], message, 'key');
  }
  const affinity = asRecord(spec['affinity']);
  const nodeAffinity = asRecord(affinity?.['nodeAffinity']);
  const termsPath = [...specPath, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
  asArray(asRecord(nodeAffinity?.['requiredDuringSchedulingIgnoredDuringExecution'])?.['nodeSelectorTerms']).forEach((term, index) => nodeSelectorTermWarnings(term, [...termsPath, index], warn));
  asArray(nodeAffinity?.['preferredDuringSchedulingIgnoredDuringExecution']).forEach((term, index) =>
    nodeSelectorTermWarnings(asRecord(term)?.['preference'], [...specPath, 'affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', index, 'preference'], warn),
  );
  asArray(spec['topologySpreadConstraints']).forEach((entry, index) => {
    const constraint = asRecord(entry);
    const at = [...specPath, 'topologySpreadConstraints', index];
    const key = stringField(constraint, 'topologyKey');
    const message = DEPRECATED_NODE_LABELS.get(key);
    if (message) warn([...at, 'topologyKey'], `${key} is ${message}`);
    if (asRecord(constraint?.['labelSelector']) === undefined) warn([...at, 'labelSelector'], NULL_SELECTOR);
  });

  // deprecated annotations
  const annotationsPath = [...workload.podMetadataPath, 'annotations'];
  const annotation = (key: string, message: string) => warn([...annotationsPath, mapKey(key)], message, 'key');
  for (const [key, message] of DEPRECATED_ANNOTATIONS) if (Object.hasOwn(workload.podAnnotations, key)) annotation(key, message);

  // deprecated and removed volume plugins
  asArray(spec['volumes']).forEach((entry, index) => {
    const volume = asRecord(entry);
    for (const [field, message, since] of DEPRECATED_VOLUMES) {
      if (asRecord(volume?.[field]) && (since === undefined || compareReleases(release, since) >= 0)) warn([...specPath, 'volumes', index, VOLUME_FIELD_NAMES[field] ?? field], message);
    }
  });

  // duplicate host aliases and image pull secrets, and pull secrets without a name
  duplicates(spec['hostAliases'], 'ip', (index, value) => warn([...specPath, 'hostAliases', index, 'ip'], `duplicate ip ${goQuote(value)}`));
  duplicates(spec['imagePullSecrets'], 'name', (index, value) => warn([...specPath, 'imagePullSecrets', index, 'name'], `duplicate name ${goQuote(value)}`));
  asArray(spec['imagePullSecrets']).forEach((entry, index) => {
    if (stringField(asRecord(entry), 'name') === '') warn([...specPath, 'imagePullSecrets', index, 'name'], 'invalid empty name ""');
  });

  // fractional byte amounts
  const overhead = asRecord(spec['overhead']);
  for (const resource of BYTE_RESOURCES) fractionalBytes(overhead?.[resource], [...specPath, 'overhead', mapKey(resource)], warn);

  // seccomp and AppArmor annotations without their fields
  const securityContext = asRecord(spec['securityContext']);
  if (asRecord(securityContext?.['seccompProfile']) === undefined && Object.hasOwn(workload.podAnnotations, SECCOMP_POD_ANNOTATION)) {
    annotation(SECCOMP_POD_ANNOTATION, 'non-functional in v1.27+; use the "seccompProfile" field instead');
  }
  const podAppArmor = asRecord(securityContext?.['appArmorProfile']) !== undefined;
  // a Pod's AppArmor annotations are warned of elsewhere (applyAppArmorVersionSkew), a template's here
  const template = workload.kind !== 'Pod' && compareReleases(release, APPARMOR_FIELDS_SINCE) >= 0;
  for (const container of workload.containers) {
    const name = stringField(container.value, 'name');
    const context = asRecord(container.value['securityContext']);
    if (asRecord(context?.['seccompProfile']) === undefined && Object.hasOwn(workload.podAnnotations, `${SECCOMP_CONTAINER_ANNOTATION}${name}`)) {
      annotation(`${SECCOMP_CONTAINER_ANNOTATION}${name}`, 'non-functional in v1.27+; use the "seccompProfile" field instead');
    }
    if (template && !podAppArmor && asRecord(context?.['appArmorProfile']) === undefined && Object.hasOwn(workload.podAnnotations, `${APPARMOR_CONTAINER_ANNOTATION}${name}`)) {
      annotation(`${APPARMOR_CONTAINER_ANNOTATION}${name}`, 'deprecated since v1.30; use the "appArmorProfile" field instead');
    }
    const resources = asRecord(container.value['resources']);
    for (const resource of BYTE_RESOURCES) {
      for (const kind of ['limits', 'requests']) fractionalBytes(asRecord(resources?.[kind])?.[resource], [...container.path, 'resources', kind, mapKey(resource)], warn);
    }
  }

  portWarnings(workload, warn);

  const grace = spec['terminationGracePeriodSeconds'];
  if (typeof grace === 'number' && grace < 0) warn([...specPath, 'terminationGracePeriodSeconds'], 'must be >= 0; negative values are invalid and will be treated as 1');

  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = asRecord(affinity?.[kind]);
    asArray(terms?.['requiredDuringSchedulingIgnoredDuringExecution']).forEach((term, index) => {
      if (asRecord(asRecord(term)?.['labelSelector']) === undefined) warn([...specPath, 'affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution', index, 'labelSelector'], NULL_SELECTOR);
    });
    asArray(terms?.['preferredDuringSchedulingIgnoredDuringExecution']).forEach((term, index) => {
      if (asRecord(asRecord(asRecord(term)?.['podAffinityTerm'])?.['labelSelector']) === undefined) {
        warn([...specPath, 'affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution', index, 'podAffinityTerm', 'labelSelector'], NULL_SELECTOR);
      }
    });
  }
  return out;
}

type Warn = (field: FieldPath, message: string, on?: 'key') => void;

/** upstream: node/util.go GetWarningsForNodeSelectorTerm (matchExpressions only). */
function nodeSelectorTermWarnings(term: unknown, at: Path, warn: Warn): void {
  asArray(asRecord(term)?.['matchExpressions']).forEach((entry, index) => {
    const key = stringField(asRecord(entry), 'key');
    const message = DEPRECATED_NODE_LABELS.get(key);
    if (message) warn([...at, 'matchExpressions', index, 'key'], `${key} is ${message}`);
  });
}

/** `report` for each entry whose `field` repeats an earlier entry's. */
function duplicates(list: unknown, field: string, report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  asArray(list).forEach((entry, index) => {
    const value = stringField(asRecord(entry), field);
    if (seen.has(value)) report(index, value);
    else seen.add(value);
  });
}

/** A memory or ephemeral-storage amount that is no whole number of bytes (MilliValue() % 1000 != 0). */
function fractionalBytes(value: unknown, at: FieldPath, warn: Warn): void {
  const quantity = parseQuantity(value);
  if (!quantity || ceilMilliValue(quantity) % 1000n === 0n) return;
  const text = formatQuantity(quantity, quantityFormat(value));
  warn(at, `fractional byte value ${goQuote(text)} is invalid, must be an integer`);
}

interface PortBlock {
  readonly field: string;
  readonly hostIP: string;
  readonly hostPort: number;
}

/**
 * Ports of every container (init, regular, ephemeral) that repeat a container port and protocol. Only a Pod's host
 * ports are defaulted from hostNetwork (SetDefaults_Pod); a template's stay as written until its pods are made.
 */
function portWarnings(workload: Workload, warn: Warn): void {
  const hostNetwork = workload.kind === 'Pod' && workload.podSpec['hostNetwork'] === true;
  const all = new Map<string, PortBlock[]>();
  for (const container of workload.containers) {
    asArray(container.value['ports']).forEach((entry, index) => {
      const port = asRecord(entry);
      const at = [...container.path, 'ports', index];
      const hostIP = stringField(port, 'hostIP');
      const defaulted = defaultedHostPort(port, hostNetwork);
      const hostPort = typeof defaulted === 'number' ? defaulted : 0;
      // a port that is no number (`${PORT:-9090}` before envsubst) fails decoding, or is not known yet: not compared
      if (typeof port?.['containerPort'] !== 'number') return;
      const containerPort = port['containerPort'];
      const protocol = stringField(port, 'protocol') || 'TCP';
      if (hostIP !== '' && hostPort === 0) {
        warn(at, `hostIP set without hostPort: {Name:${stringField(port, 'name')} HostPort:${hostPort} ContainerPort:${containerPort} Protocol:${protocol} HostIP:${hostIP}}`);
      }
      const key = `${containerPort}/${protocol}`;
      const others = all.get(key) ?? [];
      for (const other of others) {
        const kind = hostIP === other.hostIP && hostPort === other.hostPort ? 'duplicate'
          : hostPort === 0 || other.hostPort === 0 ? 'overlapping'
          : hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === '') ? 'dangerously ambiguous' : undefined;
        if (kind) warn(at, `${kind} port definition with ${other.field}`);
      }
      all.set(key, [...others, { field: fieldPathString(at), hostIP, hostPort }]);
    });
  }
}

export default defineRule({
  meta: {
    id: 'api-warning',
    severity: 'warning',
    category: 'reliability',
    description: 'the API server accepts the pod or pod template with a warning (kubectl prints "Warning: ..."): deprecated node labels or annotations, a removed volume plugin, a null label selector, duplicates, fractional bytes, ambiguous ports',
    rationale:
      'These are the warnings the API server returns when it creates a pod or a workload with a pod template, in its own words: node labels deprecated since v1.14 and v1.17 (beta.kubernetes.io/arch, failure-domain.beta.kubernetes.io/zone, node-role.kubernetes.io/master) in node selectors, node affinity and topology keys; annotations that no longer do anything (critical-pod, alpha sysctls, seccomp and, from 1.30, AppArmor annotations without their fields); volume plugins removed from Kubernetes (gitRepo, glusterfs, cephfs, rbd, ...); a topology spread constraint or pod (anti-)affinity term without labelSelector, which matches no pod; duplicate host alias IPs and image pull secrets, or one without a name; memory or ephemeral-storage amounts that are not whole bytes; container ports that repeat another with the same or an overlapping host port, or a hostIP without a hostPort; a negative terminationGracePeriodSeconds. Duplicate env names are duplicate-env-var\'s.',
    remediation: 'Do what the warning says: use the current label, annotation field or volume type, give the term a labelSelector, remove the duplicate, or write the amount in whole bytes.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { warning: '{{text}}' },
  },
  check(workload, { report, kubernetesVersion }) {
    // the API server's own kinds (an OpenShift DeploymentConfig's server returns no warnings)
    if (!WARNING_KINDS.has(workload.kind)) return;
    for (const warning of warnings(workload, kubernetesVersion)) report({ messageId: 'warning', data: { text: warning.text }, at: warning.at, ...(warning.on && { on: warning.on }) });
  },
});
