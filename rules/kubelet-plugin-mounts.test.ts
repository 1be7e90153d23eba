import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './kubelet-plugin-mounts.js';

const FIXTURES = 'fixtures/rules/kubelet-plugin-mounts';

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'the pods directory without Bidirectional propagation is no plugin mount', fixture: `${FIXTURES}/valid-pods-dir-without-bidirectional.yaml` }],
  invalid: [
    {
      name: 'a FlexVolume driver installer',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: flex-deploy}
        spec:
          containers: [{name: c, image: "c:1"}]
          volumes: [{name: flexvolume-mount, hostPath: {path: /usr/libexec/kubernetes/kubelet-plugins/volume/exec}}]
      `,
      errors: [{ messageId: 'pluginMount', line: 6, column: 55, data: { volume: 'flexvolume-mount', path: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec' } }],
    },
    {
      name: 'a device plugin: the kubelet device-plugins directory',
      fixture: `${FIXTURES}/invalid-device-plugin.yaml`,
      errors: [{ messageId: 'pluginMount', line: 18, column: 28, data: { volume: 'kubelet-device-plugins-dir', path: '/var/lib/kubelet/device-plugins' } }],
    },
    {
      name: 'a CSI node plugin: kubelet dir with Bidirectional propagation, plugin and registration dirs',
      fixture: `${FIXTURES}/invalid-csi-node-plugin.yaml`,
      errors: [
        { messageId: 'pluginMount', line: 21, column: 28, data: { volume: 'kubelet-dir', path: '/var/lib/kubelet' } },
        { messageId: 'pluginMount', line: 23, column: 28, data: { volume: 'plugin-dir', path: '/var/lib/kubelet/plugins/example.csi.k8s.io' } },
        { messageId: 'pluginMount', line: 25, column: 28, data: { volume: 'registration-dir', path: '/var/lib/kubelet/plugins_registry' } },
      ],
    },
  ],
});
