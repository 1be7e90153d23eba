import { it } from 'vitest';
import { node, pod, schedule, type Value } from './integration-test-support.js';
const show = (r: ReturnType<typeof schedule>) => console.log(JSON.stringify(r.map((x) => [x.object.name, Object.keys(x.placement.nodes), x.placement.preempted, x.placement.message])));
const nominated = (doc: Value, nodeName: string): Value => ({ ...doc, status: { phase: 'Pending', nominatedNodeName: nodeName } });
const nd = (name: string, cpu = '1000m', memory = '100Mi') => node({ name, capacity: { cpu, memory } });
it('probe', () => {
  show(schedule([nd('node1'), nd('node2'), nominated(pod({ name: 'external-nnn-pod' }), 'node2')]));
  show(schedule([nd('node2'), nd('node1'), nominated(pod({ name: 'external-nnn-pod' }), 'node1')]));
  const big = { cpu: '600m', memory: '40Mi' };
  show(schedule([nd('node1', '500m', '50Mi'), nd('nominated-node', '700m', '50Mi'), nominated(pod({ name: 'pod-with-nnn', requests: big }), 'nominated-node'), pod({ name: 'pod-without-nnn', requests: big })]));
  show(schedule([nd('node1', '500m', '50Mi'), nd('nominated-node', '700m', '50Mi'), pod({ name: 'pod-without-nnn', requests: big }), nominated(pod({ name: 'pod-with-nnn', requests: big }), 'nominated-node')]));
  show(schedule([nd('node1', '500m', '50Mi'), nominated(pod({ name: 'pod-with-nnn', requests: big }), 'nominated-node'), pod({ name: 'pod-without-nnn', requests: big })]));
  show(schedule([nd('node1'), nd('node2'), pod({ name: 'existing-pod', priority: 100, node: 'node1', requests: { cpu: '900m', memory: '50Mi' } }), pod({ name: 'high-priority-pod', priority: 300, requests: { cpu: '800m', memory: '50Mi' } })]));
});
