import { describe, expect, it } from 'vitest';
import { SUCCESS, unschedulable } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON } from './node-ports.js';

type Port = string; // "protocol/hostIP/hostPort" as in upstream's newPod helper
function podWithPorts(ports: readonly Port[], extra: Readonly<Record<string, unknown>> = {}) {
  const containerPorts = ports.map((port) => {
    const [protocol = '', hostIP = '', hostPort = '0'] = port.split('/');
    return { containerPort: 8080, hostPort: Number(hostPort), ...(protocol ? { protocol } : {}), ...(hostIP ? { hostIP } : {}) };
  });
  return podInfoOf({ containers: [{ name: 'c', ports: containerPorts }], ...extra });
}

const conflict = unschedulable("node(s) didn't have free ports for the requested pod ports");

// Ported from pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts (its init container cases below).
const cases = [
  { name: 'nothing running', pod: [], existing: [], want: SUCCESS },
  { name: 'other port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/9090'], want: SUCCESS },
  { name: 'same udp port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: conflict },
  { name: 'same tcp port', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: conflict },
  { name: 'different host ip', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.2/8080'], want: SUCCESS },
  { name: 'different protocol', pod: ['UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: SUCCESS },
  { name: 'second udp port conflict', pod: ['UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: conflict },
  { name: 'first tcp port conflict', pod: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'], want: conflict },
  { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: ['TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: conflict },
  { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: ['TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: conflict },
  { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: ['TCP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: conflict },
  { name: 'second different protocol', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: SUCCESS },
  { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'], want: conflict },
  { name: 'an empty protocol means TCP and an empty hostIP binds all', pod: ['//8001'], existing: ['TCP/10.1.1.1/8001'], want: conflict },
  { name: ':: is not a wildcard', pod: ['TCP/::/8001'], existing: ['TCP/::1/8001'], want: SUCCESS },
];

/** upstream st.MakePod().InitContainerPort(sidecar, [{ContainerPort: 8001, HostPort: 8001, Protocol: TCP}]). */
function podWithInitContainerPort(sidecar: boolean) {
  const port = { containerPort: 8001, hostPort: 8001, protocol: 'TCP' };
  return podInfoOf({ initContainers: [{ name: 'init', ...(sidecar && { restartPolicy: 'Always' }), ports: [port] }], containers: [{ name: 'c' }] });
}

// Ported from node_ports_test.go TestFits (@008b3652): Fits is the filter's verdict.
const fitsCases = [
  { name: 'non-conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/9090'], fits: true },
  {
    name: 'multiple non-conflicting ports',
    pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
    existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'],
    fits: true,
  },
  { name: 'same ports on different protocols', pod: ['TCP/127.0.0.1/80'], existing: ['UDP/127.0.0.1/80'], fits: true },
  { name: 'conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/80'], fits: false },
  {
    name: 'multiple ports, some conflicting',
    pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
    existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'],
    fits: false,
  },
];

// upstream: pkg/scheduler/framework/types_test.go TestHostPortInfo_Check (v1.35): HostPortInfo.CheckConflict, the
// ports already added standing for a bound pod's and the one checked for the incoming pod's ("" is 0.0.0.0 and TCP;
// a port of 0 is no host port, so the plugin is skipped).
const hostPortInfoCheckCases = [
  { name: 'empty check should check 0.0.0.0 and TCP', added: ['TCP/127.0.0.1/80'], check: '//81', conflicts: false },
  { name: 'empty check should check 0.0.0.0 and TCP (conflicted)', added: ['TCP/127.0.0.1/80'], check: '//80', conflicts: true },
  { name: 'empty port check should pass', added: ['TCP/127.0.0.1/80'], check: '//0', conflicts: false },
  { name: '0.0.0.0 should check all registered IPs', added: ['TCP/127.0.0.1/80'], check: 'TCP/0.0.0.0/80', conflicts: true },
  { name: '0.0.0.0 with different protocol should be allowed', added: ['UDP/127.0.0.1/80'], check: 'TCP/0.0.0.0/80', conflicts: false },
  { name: '0.0.0.0 with different port should be allowed', added: ['TCP/127.0.0.1/79', 'TCP/127.0.0.1/81', 'TCP/127.0.0.1/82'], check: 'TCP/0.0.0.0/80', conflicts: false },
  { name: 'normal ip should check all registered 0.0.0.0', added: ['TCP/0.0.0.0/80'], check: 'TCP/127.0.0.1/80', conflicts: true },
  {
    name: 'normal ip with different port/protocol should be allowed (0.0.0.0)',
    added: ['TCP/0.0.0.0/79', 'UDP/0.0.0.0/80', 'TCP/0.0.0.0/81', 'TCP/0.0.0.0/82'],
    check: 'TCP/127.0.0.1/80',
    conflicts: false,
  },
  {
    name: 'normal ip with different port/protocol should be allowed',
    added: ['TCP/127.0.0.1/79', 'UDP/127.0.0.1/80', 'TCP/127.0.0.1/81', 'TCP/127.0.0.1/82'],
    check: 'TCP/127.0.0.1/80',
    conflicts: false,
  },
];

describe('NodePorts', () => {
  it.each(cases)('$name', ({ pod, existing, want }) => {
    const node = nodeInfoOf({}, [podWithPorts(existing)]);
    expect(runFilter(plugin, podWithPorts(pod), node)).toEqual(want);
  });

  // upstream TestNodePorts (@008b3652), the init container cases.
  it('non-sidecar initContainer using hostPort: PreFilter skips the plugin', () => {
    expect(plugin.preFilter?.(podWithInitContainerPort(false), clusterOf([]))).toEqual({ kind: 'skip' });
  });

  it('TCP hostPort conflict from sidecar initContainer', () => {
    expect(runFilter(plugin, podWithInitContainerPort(true), nodeInfoOf({}, [podWithPorts(['TCP/0.0.0.0/8001'])]))).toEqual(conflict);
  });

  it.each(hostPortInfoCheckCases)('TestHostPortInfo_Check: $name', ({ added, check, conflicts }) => {
    expect(runFilter(plugin, podWithPorts([check]), nodeInfoOf({}, [podWithPorts(added)]))).toEqual(conflicts ? conflict : SUCCESS);
  });

  it.each(fitsCases)('TestFits: $name', ({ pod, existing, fits }) => {
    expect(runFilter(plugin, podWithPorts(pod), nodeInfoOf({}, [podWithPorts(existing)]))).toEqual(fits ? SUCCESS : conflict);
  });

  it('defaults hostPort to containerPort for hostNetwork pods', () => {
    const hostNetwork = podInfoOf({ hostNetwork: true, containers: [{ name: 'c', ports: [{ containerPort: 9100 }] }] });
    expect(runFilter(plugin, hostNetwork, nodeInfoOf({}, [podWithPorts(['TCP//9100'])]))).toEqual(conflict);
    expect(ERR_REASON).toBe(conflict.code === 'Success' ? '' : conflict.reasons[0]);
  });

  it('counts restartable init containers from v1.34 and never ordinary init containers', () => {
    const spec = {
      initContainers: [
        { name: 'sidecar', restartPolicy: 'Always', ports: [{ containerPort: 1, hostPort: 7000 }] },
        { name: 'init', ports: [{ containerPort: 1, hostPort: 7001 }] },
      ],
      containers: [{ name: 'c' }],
    };
    const node = nodeInfoOf({}, [podWithPorts(['TCP//7000', 'TCP//7001'])]);
    expect(runFilter(plugin, podInfoOf(spec, {}, 35), node)).toEqual(conflict);
    expect(runFilter(plugin, podInfoOf(spec, {}, 33), node)).toEqual(SUCCESS);
  });
});
