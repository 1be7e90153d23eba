// Liveness and readiness answer different questions; the same probe for both restarts pods that are merely busy.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'identical-probes',
    severity: 'warning',
    category: 'probes',
    description: 'livenessProbe and readinessProbe are identical',
    rationale:
      'Readiness takes a pod out of its Services while it cannot serve; liveness restarts it. When both are the same probe with the same thresholds, an overloaded pod is restarted at the very moment it should only have been taken out of rotation, which turns load spikes into restart storms. Probes that differ in any field, such as a higher failureThreshold for liveness, are not reported.',
    remediation: 'Give the livenessProbe a more tolerant failureThreshold or periodSeconds than the readinessProbe, or point it at a cheaper endpoint that only checks that the process is alive.',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container'] },
    messages: { identical: 'container "{{container}}" uses the same probe for liveness and readiness' },
  },
  check(container, { report }) {
    const liveness = asRecord(container.value['livenessProbe']);
    const readiness = asRecord(container.value['readinessProbe']);
    if (!liveness || !readiness || canonical(liveness) !== canonical(readiness)) return;
    report({ messageId: 'identical', data: { container: containerLabel(container) }, at: [...container.path, 'livenessProbe'], on: 'key' });
  },
});

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = asRecord(value);
  if (!record) return JSON.stringify(value);
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}
