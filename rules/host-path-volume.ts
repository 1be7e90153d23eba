// Any hostPath volume ties the pod to one node's filesystem and bypasses storage isolation.
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes } from '../src/lint/host-path.js';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    severity: 'warning',
    category: 'security',
    description: 'pod uses a hostPath volume',
    rationale:
      'A hostPath volume reads or writes the node\'s own filesystem: data does not follow the pod to another node, and a writable mount lets the pod plant files the node or other pods will trust. Off by default because node agents need it; sensitive-host-mounts and docker-socket catch the dangerous paths.',
    remediation: 'Use a PersistentVolumeClaim, ConfigMap, Secret or emptyDir volume instead; if a hostPath is unavoidable, mount it readOnly.',
    defaultOn: false,
    appliesTo: { target: 'podSpec' },
    messages: { hostPath: 'volume "{{volume}}" is a hostPath volume ({{path}})' },
  },
  check(workload, { report }) {
    for (const volume of hostPathVolumes(workload)) report({ messageId: 'hostPath', data: { volume: volume.name, path: volume.hostPath }, at: volume.at });
  },
});
