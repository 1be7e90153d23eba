import { describe, expect, it } from 'vitest';
import { fit } from '../check.js';

describe('capacity (fit with capacity: true)', async () => {
  const report = await fit(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'], capacity: true });
  const capacityOf = (name: string) => report.scheduling.find((result) => result.object.name === name)?.capacity;

  it('counts the replicas that still fit after every workload is placed', () => {
    // web: zone spread maxSkew 1 over three zones; only worker-b1 has 250m cpu left, then the skew blocks the rest
    expect(capacityOf('web')).toEqual({ additionalReplicas: 1, atLeast: false });
    expect(capacityOf('migrate')).toEqual({ additionalReplicas: 5, atLeast: false });
    expect(capacityOf('api')).toEqual({ additionalReplicas: 0, atLeast: false });
  });

  it('leaves DaemonSets out: they grow with the nodes, not with replicas', () => {
    expect(capacityOf('node-exporter')).toBeUndefined();
  });

  it('reports the room every node has left, sorted by name', () => {
    expect(Object.keys(report.capacity?.nodes ?? {})).toEqual(['cp-1', 'gpu-1', 'worker-a1', 'worker-b1', 'worker-b2', 'worker-c1']);
    expect(report.capacity?.nodes['worker-a1']).toEqual({ cpu: '150m', memory: '4.7Gi', pods: 106 });
    expect(report.capacity?.nodes['cp-1']).toEqual({ cpu: '2000m', memory: '7Gi', pods: 110 });
  });

  it('is absent unless asked for', async () => {
    const plain = await fit(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'] });
    expect(plain.capacity).toBeUndefined();
    expect(plain.scheduling.every((result) => result.capacity === undefined)).toBe(true);
  });
});
