// API-server validations a schema cannot express, for the kinds that make pods (upstream: pkg/apis/*/validation).
import { formatPath, type Path } from '../model/document.js';
import { findingAt, type Finding, type FindingSpec } from '../model/finding.js';
import { isEmptySelector, matchesSelector, selectorFromSet, toLabelSelector, type LabelSelector } from '../model/labels.js';
import { asRecord } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { valueAt, type Workload } from '../model/workload.js';
import { labelValueErrors, qualifiedNameErrors, subdomainErrors } from './names.js';

interface WorkloadCheck {
  readonly meta: RuleMeta;
  readonly check: (workload: Workload, report: (path: Path, message: string, on?: 'key' | 'value') => void) => void;
}

const meta = (id: string, description: string, rationale: string, remediation: string): RuleMeta => ({
  id, severity: 'error', category: 'schema', description, rationale, remediation, defaultOn: true,
});

const REJECTED = 'The API server rejects the object, so it never reaches the cluster.';

const invalidName: WorkloadCheck = {
  meta: meta('invalid-name', 'metadata.name is not a valid DNS-1123 subdomain', REJECTED, 'Use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters.'),
  check(workload, report) {
    const name = asRecord(workload.object.value['metadata'])?.['name'];
    if (typeof name !== 'string') return;
    for (const error of subdomainErrors(name)) report(['metadata', 'name'], `metadata.name: invalid value ${JSON.stringify(name)}: ${error}`);
  },
};

const invalidLabel: WorkloadCheck = {
  meta: meta('invalid-label', 'label or annotation key, or label value, breaks the Kubernetes name rules', REJECTED, 'Keys are an optional DNS subdomain prefix and "/" plus a name of at most 63 letters, digits, "-", "_" and "."; label values follow the same rule for the name and may be empty.'),
  check(workload, report) {
    const metadataPaths: Path[] = workload.podMetadataPath.length > 1 ? [['metadata'], workload.podMetadataPath] : [['metadata']];
    for (const metadataPath of metadataPaths) {
      const metadata = asRecord(valueAt(workload.object.value, metadataPath));
      for (const field of ['labels', 'annotations']) {
        for (const [key, value] of Object.entries(asRecord(metadata?.[field]) ?? {})) {
          const at = [...metadataPath, field, key];
          const where = formatPath([...metadataPath, field]);
          for (const error of qualifiedNameErrors(key)) report(at, `${where}: invalid key ${JSON.stringify(key)}: ${error}`, 'key');
          if (field === 'labels' && typeof value === 'string') {
            for (const error of labelValueErrors(value)) report(at, `${formatPath(at)}: invalid value ${JSON.stringify(value)}: ${error}`);
          }
        }
      }
    }
  },
};

const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);

const selectorMismatch: WorkloadCheck = {
  meta: meta('selector-mismatch', "the controller's selector is empty or does not select its own pod template's labels", REJECTED, "Make spec.selector match the labels of spec.template.metadata.labels (the selector cannot change after creation)."),
  check(workload, report) {
    if (!SELECTOR_KINDS.has(workload.kind)) return;
    const raw = valueAt(workload.object.value, ['spec', 'selector']);
    if (raw === undefined || raw === null) return;
    const selector: LabelSelector = workload.kind === 'ReplicationController' ? selectorFromSet(asRecord(raw) as Record<string, string>) : toLabelSelector(raw);
    if (isEmptySelector(selector)) report(['spec', 'selector'], 'spec.selector: empty selector is invalid: it would select every pod');
    else if (selector.requirements && !matchesSelector(selector, workload.podLabels)) {
      report(['spec', 'selector'], 'spec.selector does not match the pod template labels (spec.template.metadata.labels)');
    }
  },
};

const duplicateContainerName: WorkloadCheck = {
  meta: meta('duplicate-container-name', 'two containers of one pod (init, regular or ephemeral) share a name', REJECTED, 'Give every container of the pod its own name.'),
  check(workload, report) {
    const seen = new Map<string, Path>();
    for (const container of workload.containers) {
      if (container.name === undefined) continue;
      const first = seen.get(container.name);
      const at = [...container.path, 'name'];
      if (first) report(at, `duplicate container name ${JSON.stringify(container.name)} (first used at ${formatPath(first)})`);
      else seen.set(container.name, container.path);
    }
  },
};

const invalidPort: WorkloadCheck = {
  meta: meta('invalid-port', 'container or host port outside 1-65535', REJECTED, 'Use a port number between 1 and 65535.'),
  check(workload, report) {
    for (const container of workload.containers) {
      const ports = valueAt(container.value, ['ports']);
      if (!Array.isArray(ports)) continue;
      ports.forEach((port, index) => {
        for (const field of ['containerPort', 'hostPort']) {
          const value = asRecord(port)?.[field];
          if (typeof value !== 'number' || (field === 'hostPort' && value === 0) || (value >= 1 && value <= 65535)) continue;
          const at = [...container.path, 'ports', index, field];
          report(at, `${formatPath(at)}: invalid value ${value}: must be between 1 and 65535, inclusive`);
        }
      });
    }
  },
};

const RESTART_POLICIES: Readonly<Record<string, readonly string[]>> = {
  Job: ['OnFailure', 'Never'], CronJob: ['OnFailure', 'Never'],
  Deployment: ['Always'], ReplicaSet: ['Always'], ReplicationController: ['Always'], StatefulSet: ['Always'], DaemonSet: ['Always'],
};

const invalidRestartPolicy: WorkloadCheck = {
  meta: meta('invalid-restart-policy', 'pod template restartPolicy the controller does not allow (Jobs: OnFailure or Never; other controllers: Always)', REJECTED, 'Set spec.template.spec.restartPolicy to a value the kind allows: OnFailure or Never for Jobs and CronJobs, Always (the default) for the others.'),
  check(workload, report) {
    const allowed = RESTART_POLICIES[workload.kind];
    if (!allowed) return;
    const at = [...workload.podSpecPath, 'restartPolicy'];
    const value = valueAt(workload.object.value, at);
    const expected = allowed.map((policy) => JSON.stringify(policy)).join(' or ');
    if (value === undefined && allowed.includes('Always')) return;
    if (value === undefined) report(workload.podSpecPath, `${formatPath(at)} is required for a ${workload.kind}: ${expected}`, 'key');
    else if (typeof value === 'string' && !allowed.includes(value)) report(at, `${formatPath(at)} must be ${expected} for a ${workload.kind}, got ${JSON.stringify(value)}`);
  },
};

const WORKLOAD_CHECKS: readonly WorkloadCheck[] = [invalidName, invalidLabel, selectorMismatch, duplicateContainerName, invalidPort, invalidRestartPolicy];

export const WORKLOAD_CHECK_METAS: readonly RuleMeta[] = WORKLOAD_CHECKS.map((entry) => entry.meta);

/** Every workload check's findings for one workload. */
export function checkWorkload(workload: Workload): Finding[] {
  const findings: Finding[] = [];
  for (const { meta: { id, severity }, check } of WORKLOAD_CHECKS) {
    check(workload, (path, message, on = 'value') => {
      const spec: FindingSpec = { ruleId: id, severity, message };
      findings.push(findingAt(workload.object, path, spec, on));
    });
  }
  return findings;
}
