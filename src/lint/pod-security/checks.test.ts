// Every check's verdict and exact forbidden reason and detail, ported from upstream's policy/check_<id>_test.go
// tables (kubernetes master, 2026-07); each describe names the Go test it mirrors.
import { describe, expect, it } from 'vitest';
import { containersOf } from '../../model/workload.js';
import { BASELINE_CHECKS } from './baseline-checks.js';
import { aggregateForbiddenDetail, type CheckResult, type PodInput } from './checks.js';
import { variantAt } from './registry.js';
import { RESTRICTED_CHECKS } from './restricted-checks.js';

type Spec = Record<string, unknown>;

function pod(spec: Spec, annotations: Record<string, string> = {}): PodInput {
  return { podSpec: spec, podAnnotations: annotations, containers: containersOf(spec, ['spec']) };
}

/** The result of check `id` in its variant at 1.`minor`. */
function run(id: string, minor: number, input: PodInput): CheckResult {
  const check = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS].find((candidate) => candidate.id === id);
  const variant = check && variantAt(check, minor);
  if (!variant) throw new Error(`no check ${id} at 1.${minor}`);
  return variant.checkPod(input);
}

interface Case {
  readonly name: string;
  readonly pod: PodInput;
  /** Reason and detail, or allowed. */
  readonly want: readonly [string, string] | 'allowed';
}

/** Runs upstream test `test` (check `id` at 1.`minor`) case by case. */
function table(test: string, id: string, minor: number, cases: readonly Case[]): void {
  describe(`${test} (${id} at v1.${minor})`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { pod: input, want }) => {
      const result = run(id, minor, input);
      expect(result.allowed ? 'allowed' : [result.forbiddenReason, result.forbiddenDetail]).toEqual(want);
    });
  });
}

const containers = (...list: Spec[]): Spec => ({ containers: list });
const sc = (name: string, securityContext?: Spec): Spec => (securityContext === undefined ? { name } : { name, securityContext });

table('TestHostNamespaces', 'hostNamespaces', 0, [
  { name: 'multiple host namespaces', pod: pod({ hostNetwork: true, hostIPC: true, hostPID: true }), want: ['host namespaces', 'hostNetwork=true, hostPID=true, hostIPC=true'] },
  { name: 'no host namespaces (kubefit)', pod: pod({ hostNetwork: false }), want: 'allowed' },
]);

table('TestPrivileged', 'privileged', 0, [
  {
    name: 'privileged',
    pod: pod(containers(sc('a'), sc('b', {}), sc('c', { privileged: false }), sc('d', { privileged: true }), sc('e', { privileged: true }))),
    want: ['privileged', 'containers "d", "e" must not set securityContext.privileged=true'],
  },
  { name: 'not privileged (kubefit)', pod: pod(containers(sc('a', { privileged: false }))), want: 'allowed' },
]);

table('TestCapabilitiesBaseline', 'capabilities_baseline', 0, [
  {
    name: 'multiple containers',
    pod: pod(containers(sc('a', { capabilities: { add: ['FOO', 'BAR'] } }), sc('b', { capabilities: { add: ['BAR', 'BAZ'] } }))),
    want: ['non-default capabilities', 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add'],
  },
  { name: 'default capabilities (kubefit)', pod: pod(containers(sc('a', { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'] } }))), want: 'allowed' },
]);

table('TestHostPathVolumes', 'hostPathVolumes', 0, [
  {
    name: 'host path volumes',
    pod: pod({ volumes: [{ name: 'a', hostPath: {} }, { name: 'b', hostPath: {} }, { name: 'c', emptyDir: {} }] }),
    want: ['hostPath volumes', 'volumes "a", "b"'],
  },
  { name: 'no host path (kubefit)', pod: pod({ volumes: [{ name: 'c', emptyDir: {} }] }), want: 'allowed' },
]);

table('TestHostPort', 'hostPorts', 0, [
  {
    name: 'one container, one host port',
    pod: pod(containers({ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 20 }] })),
    want: ['hostPort', 'container "b" uses hostPort 20'],
  },
  {
    name: 'multiple containers, multiple host port',
    pod: pod(containers({ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 20 }] }, { name: 'c', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 30 }] })),
    want: ['hostPort', 'containers "b", "c" use hostPorts 10, 20, 30'],
  },
  {
    name: 'hostNetwork defaults container and init container hostPorts to their containerPort (kubefit: SetDefaults_Pod)',
    pod: pod({ hostNetwork: true, initContainers: [{ name: 'i', ports: [{ containerPort: 9000 }] }], containers: [{ name: 'a', ports: [{ containerPort: 8080 }] }] }),
    want: ['hostPort', 'containers "i", "a" use hostPorts 8080, 9000'],
  },
  { name: 'container ports only (kubefit)', pod: pod(containers({ name: 'a', ports: [{ containerPort: 8080 }] })), want: 'allowed' },
]);

const probe = (action: 'httpGet' | 'tcpSocket', host: string): Spec => ({ [action]: { host, port: 80 } });

table('TestHostProbesAndHostLifecycle', 'hostProbesAndHostLifecycle', 34, [
  {
    name: 'valid pod with unset hosts',
    pod: pod(containers({ name: 'a', livenessProbe: { httpGet: {} }, readinessProbe: { tcpSocket: {} }, lifecycle: { postStart: { httpGet: {} } } })),
    want: 'allowed',
  },
  {
    name: 'invalid pod with local host IP as probe host',
    pod: pod(containers({ name: 'a', livenessProbe: probe('httpGet', '127.0.0.1'), readinessProbe: probe('tcpSocket', '::1'), startupProbe: probe('httpGet', 'localhost') })),
    want: ['probe or lifecycle host', 'container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost"'],
  },
  { name: 'invalid httpget host in liveness probe', pod: pod(containers({ name: 'a', livenessProbe: probe('httpGet', 'invalid.host') })), want: ['probe or lifecycle host', 'container "a" uses probe or lifecycle host "invalid.host"'] },
  { name: 'invalid tcpsocket host in readiness probe', pod: pod(containers({ name: 'b', readinessProbe: probe('tcpSocket', 'invalid.host') })), want: ['probe or lifecycle host', 'container "b" uses probe or lifecycle host "invalid.host"'] },
  { name: 'invalid httpget host in startup probe', pod: pod(containers({ name: 'c', startupProbe: probe('httpGet', 'invalid.host') })), want: ['probe or lifecycle host', 'container "c" uses probe or lifecycle host "invalid.host"'] },
  { name: 'invalid poststart tcpsocket host', pod: pod(containers({ name: 'd', lifecycle: { postStart: probe('tcpSocket', 'invalid.host') } })), want: ['probe or lifecycle host', 'container "d" uses probe or lifecycle host "invalid.host"'] },
  { name: 'invalid prestop httpget host', pod: pod(containers({ name: 'e', lifecycle: { preStop: probe('httpGet', 'another.invalid.host') } })), want: ['probe or lifecycle host', 'container "e" uses probe or lifecycle host "another.invalid.host"'] },
  {
    name: 'multiple containers with multiple invalid hosts',
    pod: pod(containers({ name: 'valid' }, { name: 'invalid1', livenessProbe: probe('httpGet', 'a.com') }, { name: 'invalid2', lifecycle: { preStop: probe('tcpSocket', 'b.com') }, startupProbe: probe('httpGet', 'a.com') })),
    want: ['probe or lifecycle host', 'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"'],
  },
  { name: 'invalid ipv4 host in probe', pod: pod(containers({ name: 'a', livenessProbe: probe('httpGet', '8.8.8.8') })), want: ['probe or lifecycle host', 'container "a" uses probe or lifecycle host "8.8.8.8"'] },
  { name: 'invalid ipv6 host in probe', pod: pod(containers({ name: 'a', livenessProbe: probe('tcpSocket', '2001:4860:4860::8888') })), want: ['probe or lifecycle host', 'container "a" uses probe or lifecycle host "2001:4860:4860::8888"'] },
  { name: 'invalid host in initcontainer', pod: pod({ initContainers: [{ name: 'init', livenessProbe: probe('httpGet', 'invalid.init.host') }] }), want: ['probe or lifecycle host', 'container "init" uses probe or lifecycle host "invalid.init.host"'] },
]);

const appArmor = (type: string): Spec => ({ appArmorProfile: { type } });
const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';

table('TestCheckAppArmor_Allowed', 'appArmorProfile', 0, [
  { name: 'container with default AppArmor + extra annotations', pod: pod({}, { [`${APPARMOR}test`]: 'runtime/default', env: 'prod' }), want: 'allowed' },
  { name: 'container with local AppArmor + extra annotations', pod: pod({}, { [`${APPARMOR}test`]: 'localhost/sec-profile01', env: 'dev' }), want: 'allowed' },
  { name: 'container with no AppArmor annotations', pod: pod({}, { env: 'dev' }), want: 'allowed' },
  { name: 'container with no annotations', pod: pod({}), want: 'allowed' },
  { name: 'pod with runtime default', pod: pod({ securityContext: appArmor('RuntimeDefault') }), want: 'allowed' },
  { name: 'container with localhost profile', pod: pod(containers(sc('foo', appArmor('RuntimeDefault')))), want: 'allowed' },
]);

table('TestCheckAppArmor_Forbidden', 'appArmorProfile', 0, [
  { name: 'unconfined pod', pod: pod({ securityContext: appArmor('Unconfined') }), want: ['forbidden AppArmor profile', 'pod must not set AppArmor profile type to "Unconfined"'] },
  {
    name: 'unconfined container',
    pod: pod({ securityContext: appArmor('RuntimeDefault'), containers: [sc('foo', appArmor('Unconfined'))] }),
    want: ['forbidden AppArmor profile', 'container "foo" must not set AppArmor profile type to "Unconfined"'],
  },
  {
    name: 'unconfined init container',
    pod: pod({ securityContext: appArmor('RuntimeDefault'), containers: [{ name: 'foo' }], initContainers: [sc('bar', appArmor('Unconfined'))] }),
    want: ['forbidden AppArmor profile', 'container "bar" must not set AppArmor profile type to "Unconfined"'],
  },
  {
    name: 'multiple containers',
    pod: pod({}, {
      [APPARMOR]: 'bogus', [`${APPARMOR}a`]: '', [`${APPARMOR}b`]: 'runtime/default', [`${APPARMOR}c`]: 'localhost/', [`${APPARMOR}d`]: 'localhost/foo',
      [`${APPARMOR}e`]: 'unconfined', [`${APPARMOR}f`]: 'unknown',
    }),
    want: [
      'forbidden AppArmor profiles',
      `annotations must not set AppArmor profile type to "${APPARMOR}="bogus"", "${APPARMOR}e="unconfined"", "${APPARMOR}f="unknown""`,
    ],
  },
  {
    name: 'pod creation copies an unconfined annotation to its container without the field (kubefit: applyAppArmorVersionSkew)',
    pod: pod(containers({ name: 'web' }, sc('sidecar', appArmor('RuntimeDefault'))), { [`${APPARMOR}web`]: 'unconfined', [`${APPARMOR}sidecar`]: 'unconfined' }),
    want: [
      'forbidden AppArmor profiles',
      `container "web" and annotations must not set AppArmor profile type to "Unconfined", "${APPARMOR}sidecar="unconfined"", "${APPARMOR}web="unconfined""`,
    ],
  },
  {
    name: 'no copy for a Windows pod (kubefit)',
    pod: pod({ os: { name: 'windows' }, containers: [{ name: 'web' }] }, { [`${APPARMOR}web`]: 'unconfined' }),
    want: ['forbidden AppArmor profile', `annotation must not set AppArmor profile type to "${APPARMOR}web="unconfined""`],
  },
  {
    name: 'no copy where the pod profile is the same (kubefit)',
    pod: pod({ securityContext: appArmor('Unconfined'), containers: [{ name: 'web' }] }, { [`${APPARMOR}web`]: 'unconfined' }),
    want: ['forbidden AppArmor profiles', `pod and annotation must not set AppArmor profile type to "Unconfined", "${APPARMOR}web="unconfined""`],
  },
]);

const seLinux = (options: Spec): Spec => ({ seLinuxOptions: options });
const ALLOWED_SELINUX_CONTAINERS = [
  sc('a', seLinux({ type: 'container_t' })), sc('b', seLinux({ type: 'container_init_t' })), sc('c', seLinux({ type: 'container_kvm_t' })), sc('d', seLinux({ type: 'container_engine_t' })),
];
const BAD_SELINUX_CONTAINERS = [sc('e', seLinux({ type: 'bar' })), sc('f', seLinux({ user: 'bar' })), sc('g', seLinux({ role: 'baz' }))];

table('TestSELinuxOptions', 'seLinuxOptions', 31, [
  {
    name: 'invalid pod and containers',
    pod: pod({ securityContext: seLinux({ type: 'foo', user: 'bar', role: 'baz' }), containers: [...ALLOWED_SELINUX_CONTAINERS, ...BAD_SELINUX_CONTAINERS] }),
    want: ['seLinuxOptions', 'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set'],
  },
  {
    name: 'invalid pod',
    pod: pod({ securityContext: seLinux({ type: 'foo', user: 'bar', role: 'baz' }), containers: ALLOWED_SELINUX_CONTAINERS }),
    want: ['seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set'],
  },
  {
    name: 'invalid containers',
    pod: pod({ securityContext: seLinux({}), containers: [...ALLOWED_SELINUX_CONTAINERS, ...BAD_SELINUX_CONTAINERS] }),
    want: ['seLinuxOptions', 'containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: type "bar"; user may not be set; role may not be set'],
  },
  { name: 'bad type', pod: pod({ securityContext: seLinux({ type: 'bad' }) }), want: ['seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: type "bad"'] },
  { name: 'bad user', pod: pod({ securityContext: seLinux({ user: 'bad' }) }), want: ['seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: user may not be set'] },
  { name: 'bad role', pod: pod({ securityContext: seLinux({ role: 'bad' }) }), want: ['seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: role may not be set'] },
  { name: 'allowed types and level only (kubefit)', pod: pod({ securityContext: seLinux({ level: 's0:c1,c2' }), containers: ALLOWED_SELINUX_CONTAINERS }), want: 'allowed' },
]);

table('seLinuxOptions before 1.31 (kubefit)', 'seLinuxOptions', 30, [
  { name: 'container_engine_t is allowed only from 1.31', pod: pod(containers(sc('d', seLinux({ type: 'container_engine_t' })))), want: ['seLinuxOptions', 'container "d" set forbidden securityContext.seLinuxOptions: type "container_engine_t"'] },
]);

const PROC_MOUNT_CONTAINERS = [sc('a'), sc('b', {}), sc('c', { procMount: 'Default' }), sc('d', { procMount: 'Unmasked' }), sc('e', { procMount: 'other' })];
const PROC_MOUNT_DETAIL = 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"';

table('TestProcMountBaseline', 'procMount', 35, [
  { name: 'procMount', pod: pod({ containers: PROC_MOUNT_CONTAINERS, hostUsers: true }), want: ['procMount', PROC_MOUNT_DETAIL] },
  { name: 'procMount with userns', pod: pod({ containers: PROC_MOUNT_CONTAINERS, hostUsers: false }), want: 'allowed' },
]);

table('procMount before 1.35 (kubefit)', 'procMount', 34, [
  { name: 'a user namespace does not help', pod: pod({ containers: PROC_MOUNT_CONTAINERS, hostUsers: false }), want: ['procMount', PROC_MOUNT_DETAIL] },
]);

table('TestProcMountRestricted', 'procMount_restricted', 35, [
  { name: 'procMount', pod: pod({ containers: PROC_MOUNT_CONTAINERS }), want: ['procMount', PROC_MOUNT_DETAIL] },
  { name: 'procMount with userns (kubefit)', pod: pod({ containers: PROC_MOUNT_CONTAINERS, hostUsers: false }), want: ['procMount', PROC_MOUNT_DETAIL] },
  { name: 'Default or unset (kubefit)', pod: pod({ containers: PROC_MOUNT_CONTAINERS.slice(0, 3) }), want: 'allowed' },
]);

table('TestSeccompProfileBaseline_1_0', 'seccompProfile_baseline', 0, [
  {
    name: 'pod seccomp invalid',
    pod: pod({}, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }),
    want: ['seccompProfile', 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"'],
  },
  {
    name: 'containers seccomp invalid',
    pod: pod(containers({ name: 'a' }, { name: 'b' }, { name: 'c' }), { 'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/b': 'unknown' }),
    want: ['seccompProfile', 'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown"'],
  },
  {
    name: 'pod and containers seccomp invalid',
    pod: pod(containers({ name: 'a' }, { name: 'b' }, { name: 'c' }), {
      'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
      'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined',
      'container.seccomp.security.alpha.kubernetes.io/b': 'unknown',
    }),
    want: [
      'seccompProfile',
      'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    ],
  },
  { name: 'runtime/default, docker/default and localhost/ annotations (kubefit)', pod: pod(containers({ name: 'a' }, { name: 'b' }), { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default', 'container.seccomp.security.alpha.kubernetes.io/a': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/b': 'localhost/x' }), want: 'allowed' },
]);

const seccomp = (type: string): Spec => ({ seccompProfile: { type } });
const SECCOMP_CONTAINERS = [sc('a'), sc('b', {}), sc('c', seccomp('Unconfined')), sc('d', seccomp('Unconfined')), sc('e', seccomp('RuntimeDefault')), sc('f', seccomp('RuntimeDefault'))];

table('TestSeccompProfileBaseline_1_19', 'seccompProfile_baseline', 19, [
  { name: 'pod seccomp invalid', pod: pod({ securityContext: seccomp('Unconfined'), containers: [sc('a')] }), want: ['seccompProfile', 'pod must not set securityContext.seccompProfile.type to "Unconfined"'] },
  { name: 'containers seccomp invalid', pod: pod({ securityContext: seccomp('RuntimeDefault'), containers: SECCOMP_CONTAINERS }), want: ['seccompProfile', 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"'] },
  { name: 'pod and containers seccomp invalid', pod: pod({ securityContext: seccomp('Unconfined'), containers: SECCOMP_CONTAINERS }), want: ['seccompProfile', 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"'] },
  { name: 'no seccomp profile (kubefit)', pod: pod(containers(sc('a'))), want: 'allowed' },
]);

const sysctlPod = (...names: string[]): PodInput => pod({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } });
const FORBIDDEN_AB: Case = { name: 'forbidden sysctls', pod: sysctlPod('a', 'b'), want: ['forbidden sysctls', 'a, b'] };
const SYSCTLS_1_27 = ['net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SYSCTLS_1_37 = ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];
const notYet = (names: readonly string[]): Case[] => names.map((name) => ({ name: `new supported sysctls not supported: ${name}`, pod: sysctlPod(name), want: ['forbidden sysctls', name] }));
const supported = (names: readonly string[]): Case[] => names.map((name) => ({ name: `new supported sysctls: ${name}`, pod: sysctlPod(name), want: 'allowed' }));

table('TestSysctls', 'sysctls', 0, [FORBIDDEN_AB, ...notYet([...SYSCTLS_1_27, ...SYSCTLS_1_29, ...SYSCTLS_1_32])]);
table('TestSysctls_1_27', 'sysctls', 27, [FORBIDDEN_AB, ...supported(SYSCTLS_1_27)]);
table('TestSysctls_1_29', 'sysctls', 29, [FORBIDDEN_AB, ...supported(SYSCTLS_1_29)]);
table('TestSysctls_1_32', 'sysctls', 32, [FORBIDDEN_AB, ...supported(SYSCTLS_1_32), ...notYet(SYSCTLS_1_37)]);
table('TestSysctls_1_37', 'sysctls', 37, [FORBIDDEN_AB, ...supported(SYSCTLS_1_37)]);

const hostProcess = (value?: boolean): Spec => ({ windowsOptions: value === undefined ? {} : { hostProcess: value } });

table('TestWindowsHostProcess', 'windowsHostProcess', 0, [
  {
    name: 'host process',
    pod: pod({ securityContext: hostProcess(true), containers: [sc('a'), sc('b', {}), sc('c', hostProcess()), sc('d', hostProcess(false)), sc('e', hostProcess(true)), sc('f', hostProcess(true))] }),
    want: ['hostProcess', 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true'],
  },
  { name: 'no host process (kubefit)', pod: pod(containers(sc('d', hostProcess(false)))), want: 'allowed' },
]);

const RESTRICTED_VOLUME_TYPES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc',
  'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];
const ALLOWED_VOLUME_TYPES = ['emptyDir', 'secret', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'csi', 'ephemeral', 'image'];

table('TestRestrictedVolumes', 'restrictedVolumes', 0, [
  {
    // upstream's case also has a volume "c1" without a source, reported as "unknown"; the API server defaults such a
    // volume to an emptyDir before admission (its testdata restrictedvolumes0 passes), so it is allowed here
    name: 'host path volumes',
    pod: pod({
      volumes: [
        ...ALLOWED_VOLUME_TYPES.map((type, index) => ({ name: `a${index + 1}`, [type]: {} })),
        ...RESTRICTED_VOLUME_TYPES.map((type, index) => ({ name: `b${index + 1}`, [type]: {} })),
        { name: 'c1' },
      ],
    }),
    want: [
      'restricted volume types',
      `volumes ${RESTRICTED_VOLUME_TYPES.map((_, index) => `"b${index + 1}"`).join(', ')} use restricted volume types ` +
        '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
        '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"',
    ],
  },
  {
    name: 'allowed types, and a volume without a source (defaulted to an emptyDir) (kubefit)',
    pod: pod({ volumes: [...ALLOWED_VOLUME_TYPES.map((type) => ({ name: type, [type]: {} })), { name: 'scratch' }] }),
    want: 'allowed',
  },
  { name: 'one volume of one type (kubefit)', pod: pod({ volumes: [{ name: 'data', nfs: { server: 's', path: '/' } }] }), want: ['restricted volume types', 'volume "data" uses restricted volume type "nfs"'] },
]);

/** The pods of upstream's cases for the variants from 1.25 that admit Windows pods. */
const WINDOWS_POD = pod({ os: { name: 'windows' }, containers: [{ name: 'a' }] });
const LINUX_POD = pod({ os: { name: 'linux' }, containers: [{ name: 'a' }] });

const APE_CONTAINERS = containers({ name: 'a' }, sc('b', {}), sc('c', { allowPrivilegeEscalation: true }), sc('d', { allowPrivilegeEscalation: false }));
const APE_DETAIL = 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false';

table('TestAllowPrivilegeEscalation_1_25', 'allowPrivilegeEscalation', 25, [
  { name: 'multiple containers', pod: pod(APE_CONTAINERS), want: ['allowPrivilegeEscalation != false', APE_DETAIL] },
  { name: 'windows pod, admit without checking privilegeEscalation', pod: WINDOWS_POD, want: 'allowed' },
  { name: 'linux pod, reject if security context is not set', pod: LINUX_POD, want: ['allowPrivilegeEscalation != false', 'container "a" must set securityContext.allowPrivilegeEscalation=false'] },
]);

table('TestAllowPrivilegeEscalation_1_8', 'allowPrivilegeEscalation', 8, [
  { name: 'multiple containers', pod: pod(APE_CONTAINERS), want: ['allowPrivilegeEscalation != false', APE_DETAIL] },
  { name: 'a windows pod is not exempt before 1.25 (kubefit)', pod: WINDOWS_POD, want: ['allowPrivilegeEscalation != false', 'container "a" must set securityContext.allowPrivilegeEscalation=false'] },
]);

const RUN_AS_NON_ROOT_CASES: Case[] = [
  { name: 'no explicit runAsNonRoot', pod: pod(containers({ name: 'a' })), want: ['runAsNonRoot != true', 'pod or container "a" must set securityContext.runAsNonRoot=true'] },
  { name: 'pod runAsNonRoot=false', pod: pod({ securityContext: { runAsNonRoot: false }, containers: [sc('a')] }), want: ['runAsNonRoot != true', 'pod must not set securityContext.runAsNonRoot=false'] },
  {
    name: 'containers runAsNonRoot=false',
    pod: pod({ securityContext: { runAsNonRoot: true }, containers: [sc('a'), sc('b', {}), sc('c', { runAsNonRoot: false }), sc('d', { runAsNonRoot: false }), sc('e', { runAsNonRoot: true }), sc('f', { runAsNonRoot: true })] }),
    want: ['runAsNonRoot != true', 'containers "c", "d" must not set securityContext.runAsNonRoot=false'],
  },
  {
    name: 'pod nil, container fallthrough',
    pod: pod(containers(sc('a'), sc('b', {}), sc('d', { runAsNonRoot: true }), sc('e', { runAsNonRoot: true }))),
    want: ['runAsNonRoot != true', 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true'],
  },
];

table('TestRunAsNonRoot', 'runAsNonRoot', 35, [...RUN_AS_NON_ROOT_CASES, { name: 'host users false allowed', pod: pod({ hostUsers: false, containers: [{ name: 'a' }] }), want: 'allowed' }]);
table('runAsNonRoot before 1.35 (kubefit)', 'runAsNonRoot', 34, [
  { name: 'host users false is not relaxed', pod: pod({ hostUsers: false, containers: [{ name: 'a' }] }), want: ['runAsNonRoot != true', 'pod or container "a" must set securityContext.runAsNonRoot=true'] },
]);

table('TestRunAsUser', 'runAsUser', 35, [
  { name: 'pod runAsUser=0', pod: pod({ securityContext: { runAsUser: 0 }, containers: [sc('a')] }), want: ['runAsUser=0', 'pod must not set runAsUser=0'] },
  { name: 'pod runAsUser=non-zero', pod: pod({ securityContext: { runAsUser: 1000 }, containers: [sc('a')] }), want: 'allowed' },
  { name: 'pod runAsUser=nil', pod: pod({ securityContext: {}, containers: [sc('a')] }), want: 'allowed' },
  {
    name: 'containers runAsUser=0',
    pod: pod({ securityContext: { runAsUser: 1000 }, containers: [sc('a'), sc('b', {}), sc('c', { runAsUser: 0 }), sc('d', { runAsUser: 0 }), sc('e', { runAsUser: 1 }), sc('f', { runAsUser: 1 })] }),
    want: ['runAsUser=0', 'containers "c", "d" must not set runAsUser=0'],
  },
  { name: 'containers runAsUser=non-zero', pod: pod(containers(sc('c', { runAsUser: 1 }), sc('d', { runAsUser: 2 }), sc('e', { runAsUser: 3 }), sc('f', { runAsUser: 4 }))), want: 'allowed' },
  { name: 'host users false allowed', pod: pod({ hostUsers: false, securityContext: { runAsUser: 0 } }), want: 'allowed' },
]);

const SECCOMP_RESTRICTED_CASES: Case[] = [
  { name: 'no explicit seccomp', pod: pod(containers({ name: 'a' })), want: ['seccompProfile', 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"'] },
  { name: 'pod seccomp invalid', pod: pod({ securityContext: seccomp('Unconfined'), containers: [sc('a')] }), want: ['seccompProfile', 'pod must not set securityContext.seccompProfile.type to "Unconfined"'] },
  { name: 'containers seccomp invalid', pod: pod({ securityContext: seccomp('RuntimeDefault'), containers: SECCOMP_CONTAINERS }), want: ['seccompProfile', 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"'] },
  {
    name: 'pod nil, container fallthrough',
    pod: pod(containers(sc('a'), sc('b', {}), sc('d', seccomp('RuntimeDefault')), sc('e', seccomp('RuntimeDefault')))),
    want: ['seccompProfile', 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"'],
  },
];

table('TestSeccompProfileRestricted_1_25', 'seccompProfile_restricted', 25, [
  ...SECCOMP_RESTRICTED_CASES,
  { name: 'no explicit seccomp, windows Pod', pod: WINDOWS_POD, want: 'allowed' },
  { name: 'no explicit seccomp, linux pod', pod: LINUX_POD, want: ['seccompProfile', 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"'] },
]);
table('TestSeccompProfileRestricted_1_19', 'seccompProfile_restricted', 19, SECCOMP_RESTRICTED_CASES);

const CAPABILITIES_CONTAINERS = containers(
  sc('a', { capabilities: { add: ['FOO', 'BAR'] } }),
  sc('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
  sc('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } }),
);
const CAPABILITIES_DETAIL = 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add';

table('TestCapabilitiesRestricted_1_25', 'capabilities_restricted', 25, [
  { name: 'multiple containers', pod: pod(CAPABILITIES_CONTAINERS), want: ['unrestricted capabilities', CAPABILITIES_DETAIL] },
  { name: 'windows pod, admit without checking capabilities', pod: WINDOWS_POD, want: 'allowed' },
  { name: 'linux pod, reject if security context is not set', pod: LINUX_POD, want: ['unrestricted capabilities', 'container "a" must set securityContext.capabilities.drop=["ALL"]'] },
]);
table('TestCapabilitiesRestricted_1_22', 'capabilities_restricted', 22, [
  { name: 'multiple containers', pod: pod(CAPABILITIES_CONTAINERS), want: ['unrestricted capabilities', CAPABILITIES_DETAIL] },
  { name: 'drop ALL and add NET_BIND_SERVICE (kubefit)', pod: pod(containers(sc('a', { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }))), want: 'allowed' },
]);

describe('AggregateCheckResult.ForbiddenDetail (upstream checks.go)', () => {
  it('joins reasons with their details in parentheses, a reason without detail alone', () => {
    const results: CheckResult[] = [
      { allowed: false, forbiddenReason: 'a', forbiddenDetail: 'x' },
      { allowed: true },
      { allowed: false, forbiddenReason: 'b', forbiddenDetail: '' },
      { allowed: false, forbiddenReason: 'c', forbiddenDetail: 'y, z' },
    ];
    expect(aggregateForbiddenDetail(results)).toBe('a (x), b, c (y, z)');
  });
});
