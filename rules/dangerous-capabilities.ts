// Some capabilities are root in all but name: SYS_ADMIN alone allows mounting filesystems and escaping the container.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

/** Capabilities that allow a container escape or control of the node's network or kernel. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE']);

export default defineRule({
  meta: {
    id: 'dangerous-capabilities',
    severity: 'error',
    category: 'security',
    description: 'container adds a capability that amounts to root on the node',
    rationale:
      'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE or ALL let a process mount filesystems, load kernel modules, trace other processes or reconfigure the node network, which is enough to break out of the container. Names are compared without the CAP_ prefix, as the container runtime does.',
    remediation: 'Remove the capability from securityContext.capabilities.add, or move the work that needs it to a dedicated, tightly scoped component.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { added: 'container "{{container}}" adds the capability {{capability}}' },
  },
  check(container, { report }) {
    const capabilities = asRecord(asRecord(container.value['securityContext'])?.['capabilities']);
    asArray(capabilities?.['add']).forEach((entry, index) => {
      if (typeof entry !== 'string' || !DANGEROUS.has(entry.toUpperCase().replace(/^CAP_/, ''))) return;
      report({
        messageId: 'added',
        data: { container: containerLabel(container), capability: entry },
        at: container.path.concat('securityContext', 'capabilities', 'add', index),
      });
    });
  },
});
