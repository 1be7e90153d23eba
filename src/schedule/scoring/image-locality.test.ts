import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../../model/cluster.js';
import { toSchedulerSnapshot } from '../snapshot.js';
import { clusterOf, feasibleNodes, objectOf, podInfoOf } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import imageLocality, { imageLocalityScore, scoredImages } from './image-locality.js';
import { IMAGE_LOCALITY_PRIORITY, MB, PRIORITIZE_NODES_IMAGE_LOCALITY, node203040, node403002000, type Images } from './upstream-score-objects.js';

const imageNode = (name: string, images: Images) =>
  objectOf({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { images: images.map(([names, size]) => ({ names, sizeBytes: size * MB })) } });

function scores(images: readonly string[], nodes: readonly Images[], init: readonly string[] = [], { volumes = [] as readonly string[], minor = NEWEST_MINOR } = {}): number[] {
  const pod = podInfoOf({
    containers: images.map((image, i) => ({ name: `c${i}`, image })),
    initContainers: init.map((image, i) => ({ name: `i${i}`, image })),
    volumes: volumes.map((reference, i) => ({ name: `v${i}`, image: { reference } })),
  });
  const snapshot = toSchedulerSnapshot(toClusterSnapshot(nodes.map((n, i) => imageNode(`node${i + 1}`, n))), minor);
  const state = { totalNumNodes: snapshot.nodes.length, images: scoredImages(pod, minor) };
  return snapshot.nodes.map((node) => imageLocalityScore(pod, node, state));
}

describe('ImageLocality', () => {
  it.each(IMAGE_LOCALITY_PRIORITY)('TestImageLocalityPriority: %s', (_name, images, nodes, init, want) => {
    expect(scores(images, nodes, init)).toEqual(want);
  });

  // upstream: image_locality.go sumImageScores and calculatePriority (v1.36, kubernetes#130231): an image volume's image
  // adds to the sum like a container's, but the maximum stays 1000 MB per init and regular container. The values follow
  // upstream's formula: node1 has gcr.io/300 (one node of two): 150 MB, 100 x (150 - 23) / (1000 - 23) = 12.
  it.each([
    ['v1.36: an image volume counts, the threshold does not grow', 36, [12, 0]],
    ['v1.35: image volumes are not looked at', 35, [0, 0]],
  ] as const)('%s', (_name, minor, want) => {
    expect(scores(['gcr.io/30'], [node403002000, node203040], [], { volumes: ['gcr.io/300'], minor })).toEqual(want);
  });

  it.each([
    [36, true],
    [35, false],
  ] as const)('PreScore on v1.%i runs the plugin for a pod whose only image on a node is an image volume: %s', (minor, runs) => {
    const pod = podInfoOf({ containers: [{ name: 'c', image: 'gcr.io/30' }], volumes: [{ name: 'v', image: { reference: 'gcr.io/300' } }] }, {}, minor);
    const nodes = toSchedulerSnapshot(toClusterSnapshot([imageNode('node1', node403002000)]), minor).nodes;
    expect(imageLocality.preScore(pod, feasibleNodes(nodes), clusterOf(nodes, minor)) !== undefined).toBe(runs);
  });

  it.each(PRIORITIZE_NODES_IMAGE_LOCALITY)('Test_prioritizeNodes: %s', (_name, images, nodes, init, want) => {
    expect(scores(images, nodes, init)).toEqual(want);
  });

  // upstream: TestNormalizedImageName
  it.each([
    ['add :latest postfix 1', 'root', 'root:latest'],
    ['add :latest postfix 2', 'gcr.io:5000/root', 'gcr.io:5000/root:latest'],
    ['keep it as is 1', 'root:tag', 'root:tag'],
    ['keep it as is 2', 'root@sha256:abc', 'root@sha256:abc'],
  ])('normalizedImageName: %s', (_name, image, want) => {
    expect(podInfoOf({ containers: [{ name: 'c', image }] }).images).toEqual([want]);
  });
});
