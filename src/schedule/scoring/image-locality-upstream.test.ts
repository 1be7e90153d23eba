// Ports of pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority and of the
// two ImageLocality cases of pkg/scheduler/schedule_one_test.go Test_prioritizeNodes (kubernetes/kubernetes, newest
// stored versions), run the way kube-scheduler scores: the Nodes (with status.images) are loaded as a cluster, the
// profile (a KubeSchedulerConfiguration) scores with ImageLocality alone, and the scores are the ones selectHost
// compares. image-locality.test.ts runs the same table against the plugin alone.
import { describe, expect, it } from 'vitest';
import { scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';
import { MB, node203040, node25010, node300600900, node400030, node403002000, node60040900, nodeWithNoImages, type Images } from './upstream-score-objects.js';

const imageNode = (name: string, images: Images): Value => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { allocatable: { pods: '32' }, images: images.map(([names, size]) => ({ names, sizeBytes: size * MB })) },
});

function scores(images: readonly string[], nodes: readonly Images[], initImages: readonly string[] = []): number[] {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })), initContainers: initImages.map((image, i) => ({ name: `i${i}`, image })) },
  };
  const byNode = scoreNodes([...nodes.map((images, i) => imageNode(`node${i + 1}`, images)), pod], scoreOnlyConfig('ImageLocality'));
  return nodes.map((_, i) => byNode[`node${i + 1}`] ?? -1);
}

describe('TestImageLocalityPriority (upstream)', () => {
  it.each<readonly [string, readonly string[], readonly Images[], readonly string[], readonly number[]]>([
    ['two images spread on two nodes, prefer the larger image one', ['gcr.io/40', 'gcr.io/250'], [node403002000, node25010], [], [0, 5]],
    ['two images on one node, prefer this node', ['gcr.io/40', 'gcr.io/300'], [node403002000, node25010], [], [7, 0]],
    ['if exceed limit, use limit', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010], [], [100, 0]],
    ['if exceed limit, use limit (with node which has no images present)', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010, nodeWithNoImages], [], [66, 0, 0]],
    ['pod with multiple large images, node2 is preferred', ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'], [node60040900, node300600900, nodeWithNoImages], [], [32, 36, 0]],
    ['pod with multiple small images', ['gcr.io/30', 'gcr.io/40'], [node203040, node400030], [], [1, 0]],
    ['include InitContainers: two images spread on two nodes, prefer the larger image one', ['gcr.io/30'], [node403002000, node203040], ['gcr.io/300'], [6, 0]],
  ])('%s', (_name, images, nodes, init, want) => {
    expect(scores(images, nodes, init)).toEqual(want);
  });
});

describe('Test_prioritizeNodes (upstream), the ImageLocality cases', () => {
  const imageStatus1: Images = [[['gcr.io/40:latest', 'gcr.io/40:v1'], 80], [['gcr.io/300:latest', 'gcr.io/300:v1'], 300]];
  const imageStatus2: Images = [[['gcr.io/300:latest'], 300], [['gcr.io/40:latest', 'gcr.io/40:v1'], 80]];
  const imageStatus3: Images = [[['gcr.io/600:latest'], 600], [['gcr.io/40:latest'], 80], [['gcr.io/900:latest'], 900]];
  it.each([
    ['the score from Image Locality plugin with image in all nodes', 'gcr.io/40', [5, 5, 5]],
    ['the score from Image Locality plugin with image in partial nodes', 'gcr.io/300', [18, 18, 0]],
  ] as const)('%s', (_name, image, want) => {
    expect(scores([image], [imageStatus1, imageStatus2, imageStatus3])).toEqual(want);
  });
});
