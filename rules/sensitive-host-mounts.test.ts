import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './sensitive-host-mounts.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a hostPath volume no container mounts; the directory of the socket a node-driver-registrar registers ($(VAR) from its env)',
      code: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: csi-node}
        spec:
          template:
            spec:
              containers:
                - name: registrar
                  image: "registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.13.0"
                  args: ["--csi-address=/csi/csi.sock", "--kubelet-registration-path=$(REG_PATH)"]
                  env: [{name: REG_PATH, value: /var/lib/kubelet/csi-plugins/csi.example.com/csi.sock}]
                  volumeMounts: [{name: socket-dir, mountPath: /csi}]
                - name: plugin
                  image: "example.com/csi:1.0"
                  args: ["--kubelet-registration-path", "/var/lib/kubelet/other-plugins/x.example.com/csi.sock"]
                  volumeMounts: [{name: other-dir, mountPath: /other}]
              volumes:
                - {name: socket-dir, hostPath: {path: /var/lib/kubelet/csi-plugins/csi.example.com}}
                - {name: other-dir, hostPath: {path: /var/lib/kubelet/other-plugins/x.example.com}}
                - {name: unused, hostPath: {path: /var/lib/kubelet}}
      `,
    },
    { name: 'one character device below /dev is how a pod gets a device; the syslog socket is the node\'s syslog', fixture: 'fixtures/rules/sensitive-host-mounts/valid-device-nodes.yaml' },
    { name: 'cleaned of repeated slashes and . segments, directories of the agent\'s own', fixture: 'fixtures/rules/sensitive-host-mounts/valid-clean-subdirectories.yaml' },
    { name: 'the kubelet plugin directories of a CSI node plugin are kubelet-plugin-mounts notes', fixture: 'fixtures/rules/kubelet-plugin-mounts/invalid-csi-node-plugin.yaml' },
    { name: 'the kubelet device-plugins directory of a device plugin is a kubelet-plugin-mounts note', fixture: 'fixtures/rules/kubelet-plugin-mounts/invalid-device-plugin.yaml' },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1"}]
          volumes: [{name: v, hostPath: {path: /var/log}}, {name: e, emptyDir: {}}]
      `,
    },
    {
      name: 'an add-on\'s own directory below /etc/kubernetes, read-only (node-feature-discovery\'s features.d)',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", volumeMounts: [{name: features, mountPath: /etc/kubernetes/node-feature-discovery/features.d, readOnly: true}]}]
          volumes: [{name: features, hostPath: {path: /etc/kubernetes/node-feature-discovery/features.d}}]
      `,
    },
    {
      name: 'a file or subdirectory below /etc, /usr or /lib that every container mounts read-only (time zone, CA bundle, modules)',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers: [{name: i, image: "a:1", volumeMounts: [{name: certs, mountPath: /etc/ssl/certs, readOnly: true}]}]
          containers:
            - name: a
              image: "a:1"
              volumeMounts:
                - {name: tz, mountPath: /etc/localtime, readOnly: true}
                - {name: certs, mountPath: /etc/ssl/certs, readOnly: true}
                - {name: modules, mountPath: /lib/modules, readOnly: true}
          volumes:
            - {name: tz, hostPath: {path: /etc/localtime}}
            - {name: certs, hostPath: {path: /etc/ssl/certs/ca-bundle.crt}}
            - {name: modules, hostPath: {path: /lib/modules}}
      `,
    },
  ],
  invalid: [
    {
      name: 'the cluster\'s data (etcd) even read-only, and a writable /lib64 beside the library directories',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: "a:1"
              volumeMounts: [{name: etcd, mountPath: /var/lib/etcd, readOnly: true}, {name: lib64, mountPath: /host/lib64}]
          volumes: [{name: etcd, hostPath: {path: /var/lib/etcd}}, {name: lib64, hostPath: {path: /lib64}}]
      `,
      errors: [
        { messageId: 'mounted', line: 9, column: 43, data: { volume: 'etcd', path: '/var/lib/etcd' } },
        { messageId: 'mounted', line: 9, column: 91, data: { volume: 'lib64', path: '/lib64' } },
      ],
    },
    {
      name: 'sensitive directories written with repeated slashes, . segments or a trailing slash, as the node resolves them',
      fixture: 'fixtures/rules/sensitive-host-mounts/invalid-unclean-paths.yaml',
      errors: [
        { messageId: 'mounted', line: 15, column: 40, data: { volume: 'etc', path: '/etc' } },
        { messageId: 'mounted', line: 16, column: 44, data: { volume: 'kubelet', path: '/var/lib/kubelet' } },
        { messageId: 'mounted', line: 17, column: 41, data: { volume: 'proc', path: '/proc' } },
      ],
    },
    {
      name: 'the node\'s memory as a character device, a block device, and a device path without a type',
      fixture: 'fixtures/rules/sensitive-host-mounts/invalid-device-paths.yaml',
      errors: [
        { messageId: 'mountedFile', line: 12, column: 36, data: { volume: 'mem', path: '/dev/mem' } },
        { messageId: 'mountedFile', line: 13, column: 37, data: { volume: 'disk', path: '/dev/sda' } },
        { messageId: 'mounted', line: 14, column: 37, data: { volume: 'fuse', path: '/dev/fuse' } },
      ],
    },
    {
      name: 'below /etc written by one container, the node\'s credentials even read-only, /etc itself read-only',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: "a:1"
              volumeMounts:
                - {name: certs, mountPath: /certs}
                - {name: pki, mountPath: /pki, readOnly: true}
                - {name: etc, mountPath: /host-etc, readOnly: true}
                - {name: cloud, mountPath: /etc/kubernetes/azure.json, readOnly: true}
                - {name: kubeconfig-dir, mountPath: /host-k8s, readOnly: true}
          volumes:
            - {name: certs, hostPath: {path: /etc/ssl/certs}}
            - {name: pki, hostPath: {path: /etc/kubernetes/pki}}
            - {name: etc, hostPath: {path: /etc}}
            - {name: cloud, hostPath: {path: /etc/kubernetes/azure.json}}
            - {name: kubeconfig-dir, hostPath: {path: /etc/kubernetes}}
      `,
      errors: [
        { messageId: 'mountedWritable', line: 15, column: 38, data: { volume: 'certs', path: '/etc/ssl/certs' } },
        { messageId: 'mounted', line: 16, column: 36, data: { volume: 'pki', path: '/etc/kubernetes/pki' } },
        { messageId: 'mounted', line: 17, column: 36, data: { volume: 'etc', path: '/etc' } },
        { messageId: 'mounted', line: 18, column: 38, data: { volume: 'cloud', path: '/etc/kubernetes/azure.json' } },
        { messageId: 'mounted', line: 19, column: 47, data: { volume: 'kubeconfig-dir', path: '/etc/kubernetes' } },
      ],
    },
    {
      name: 'the pods directory without Bidirectional propagation',
      fixture: 'fixtures/rules/kubelet-plugin-mounts/valid-pods-dir-without-bidirectional.yaml',
      errors: [{ messageId: 'mounted', line: 12, column: 24, data: { volume: 'pods', path: '/var/lib/kubelet/pods' } }],
    },
    {
      code: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              containers: [{name: a, image: "a:1", volumeMounts: [{name: one, mountPath: /host/etc}, {name: two, mountPath: /host/sys}]}]
              volumes:
                - name: one
                  hostPath: {path: /etc/}
                - name: two
                  hostPath:
                    path: /proc/sys
                    type: ""
      `,
      errors: [
        { messageId: 'mounted', line: 10, column: 28, data: { volume: 'one', path: '/etc' } },
        { messageId: 'mounted', line: 13, column: 19, data: { volume: 'two', path: '/proc/sys' } },
      ],
    },
  ],
});
