// A writable root filesystem lets an intruder drop tools and change binaries inside the container.
import { containerLabel, containerNamePath, containerSecurityValue, isWindowsPod } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'read-only-root-filesystem',
    severity: 'warning',
    category: 'security',
    description: 'container root filesystem is writable',
    rationale:
      'With a writable root filesystem an attacker who gets code execution can install tools, replace binaries and persist until the container restarts. A read-only root filesystem, with emptyDir volumes for the paths that must be written, removes that foothold and makes accidental state in the image visible. Windows pods (spec.os.name: windows) are not checked: the API server forbids readOnlyRootFilesystem there.',
    remediation: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume at each path the process writes to (for example /tmp).',
    defaultOn: false,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: {
      unset: 'container "{{container}}" does not set readOnlyRootFilesystem: true',
      writable: 'container "{{container}}" sets readOnlyRootFilesystem: false',
    },
  },
  check(container, { workload, report }) {
    if (isWindowsPod(workload)) return;
    const readOnly = containerSecurityValue(container, 'readOnlyRootFilesystem');
    if (readOnly?.value === true) return;
    const data = { container: containerLabel(container) };
    if (readOnly) report({ messageId: 'writable', data, at: readOnly.path });
    else report({ messageId: 'unset', data, at: containerNamePath(container) });
  },
});
