// Containers start with a default capability set (NET_RAW among them) that almost no application needs.
import { containerLabel, containerNamePath, isWindowsPod } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'capabilities-not-dropped',
    severity: 'warning',
    category: 'security',
    description: 'container drops neither ALL nor NET_RAW capabilities',
    rationale:
      'The runtime grants a default set of capabilities, including NET_RAW, which allows crafting packets for ARP and DNS spoofing inside the cluster network. Dropping ALL and adding back only what is needed is the Pod Security restricted profile; dropping at least NET_RAW removes the most abused one. Windows pods (spec.os.name: windows) are not checked: the API server forbids capabilities there.',
    remediation: 'Add securityContext.capabilities.drop: ["ALL"] and list in capabilities.add only what the process needs (often nothing, or NET_BIND_SERVICE).',
    defaultOn: false,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { notDropped: 'container "{{container}}" does not drop ALL (or at least NET_RAW) capabilities' },
  },
  check(container, { workload, report }) {
    if (isWindowsPod(workload)) return;
    const securityContext = asRecord(container.value['securityContext']);
    if (securityContext?.['privileged'] === true) return;
    const dropped = asArray(asRecord(securityContext?.['capabilities'])?.['drop'])
      .filter((entry): entry is string => typeof entry === 'string')
      .map((entry) => entry.toUpperCase().replace(/^CAP_/, ''));
    if (dropped.includes('ALL') || dropped.includes('NET_RAW')) return;
    const capabilitiesPath = container.path.concat('securityContext', 'capabilities');
    const at = asRecord(securityContext?.['capabilities']) ? capabilitiesPath : containerNamePath(container);
    report({ messageId: 'notDropped', data: { container: containerLabel(container) }, at });
  },
});
