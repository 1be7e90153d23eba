// A writable hostPath mount lets the pod change files the node, or other pods on it, trust.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes } from '../src/lint/host-path.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'writable-host-path',
    severity: 'warning',
    category: 'security',
    description: 'container mounts a hostPath volume without readOnly',
    rationale:
      'A hostPath mount writes straight to the node\'s filesystem: a compromised container can plant binaries, configuration or data that the node or later pods pick up. kube-linter reports it as writable-host-mount. Off by default (on in kubefit:strict): node agents and CSI drivers write to the node by design.',
    remediation: 'Add readOnly: true to the volumeMount, or use an emptyDir or PersistentVolumeClaim for data the container writes.',
    defaultOn: false,
    appliesTo: { target: 'container' },
    messages: { writable: 'container "{{container}}" mounts hostPath volume "{{volume}}" ({{path}}) writable' },
  },
  check(container, { workload, report }) {
    const hostPaths = new Map(hostPathVolumes(workload).map((volume) => [volume.name, volume.hostPath]));
    asArray(container.value['volumeMounts']).forEach((entry, index) => {
      const mount = asRecord(entry);
      const volume = mount?.['name'];
      const path = typeof volume === 'string' ? hostPaths.get(volume) : undefined;
      if (path === undefined || mount?.['readOnly'] === true) return;
      report({ messageId: 'writable', data: { container: containerLabel(container), volume: String(volume), path }, at: container.path.concat('volumeMounts', index, 'name') });
    });
  },
});
