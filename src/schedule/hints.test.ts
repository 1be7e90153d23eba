import { describe, expect, it } from 'vitest';
import { formatAmount, hintFor } from './hints.js';
import { nodeInfoOf, podInfoOf } from './test-support.js';

describe('hintFor', () => {
  const requests = (cpu: string, memory: string) => ({ containers: [{ name: 'c', resources: { requests: { cpu, memory } } }] });

  it('names the largest request the node could still take', () => {
    const busy = podInfoOf(requests('1500m', '3Gi'));
    const node = nodeInfoOf({ allocatable: { cpu: '2', memory: '4Gi', pods: '110' } }, [busy]);
    const pod = podInfoOf(requests('1', '2Gi'));
    expect(hintFor(pod, node, { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: [] })).toBe(
      'reduce the cpu request to <= 500m; reduce the memory request to <= 1Gi',
    );
  });

  it('leaves the pod overhead out of the request the containers could make (predicates.go "verify pod overhead is accounted for")', () => {
    // upstream: component-helpers/resource/helpers.go PodRequests adds spec.overhead to what NodeResourcesFit compares
    const beardsecond = 'example.com/beardsecond';
    const filler = podInfoOf({ containers: [{ name: 'c', resources: { requests: { [beardsecond]: '700' } } }] });
    const node = nodeInfoOf({ allocatable: { [beardsecond]: '1000', pods: '110' } }, [filler]);
    const status = { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: [] } as const;
    const withOverhead = (overhead: string) => podInfoOf({ containers: [{ name: 'c', resources: { requests: { [beardsecond]: '200' } } }], overhead: { [beardsecond]: overhead } });
    expect(hintFor(withOverhead('250'), node, status)).toBe('reduce the example.com/beardsecond request to <= 50, as the pod overhead takes 250 more');
    expect(hintFor(withOverhead('300'), node, status)).toBe('the node has 300 example.com/beardsecond left, no more than the pod overhead of 300');
  });

  it('names the toleration to add and the label the node lacks', () => {
    const node = nodeInfoOf({ labels: { zone: 'a' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    const pod = podInfoOf({ containers: [{ name: 'c' }], nodeSelector: { zone: 'b', disk: 'ssd' } });
    expect(hintFor(pod, node, { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [] })).toBe('add toleration dedicated=gpu:NoSchedule');
    expect(hintFor(pod, node, { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [] })).toBe('node lacks label zone=b, disk=ssd');
  });

  it('names the features the node does not declare (NodeDeclaredFeatures)', () => {
    const rule = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [1] } };
    const pod = podInfoOf({ containers: [{ name: 'c', restartPolicy: 'Never', restartPolicyRules: [rule] }] });
    expect(hintFor(pod, nodeInfoOf({}), { plugin: 'NodeDeclaredFeatures', code: 'UnschedulableAndUnresolvable', reasons: [] })).toBe(
      "the node's kubelet does not declare RestartAllContainersOnContainerExits (status.declaredFeatures)",
    );
  });

  it('formats amounts as quantities', () => {
    expect([formatAmount('cpu', 2000n), formatAmount('cpu', 250n), formatAmount('memory', 3n << 30n), formatAmount('memory', 1000n)]).toEqual(['2', '250m', '3Gi', '1000']);
  });
});
