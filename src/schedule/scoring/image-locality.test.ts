import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../../model/cluster.js';
import { toSchedulerSnapshot } from '../snapshot.js';
import { clusterOf, feasibleNodes, objectOf, podInfoOf } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import imageLocality, { imageLocalityScore, scoredImages } from './image-locality.js';
import { MB, node203040, node25010, node300600900, node400030, node403002000, node60040900, nodeWithNoImages as noImages, type Images } from './upstream-score-objects.js';

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

// upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority
describe('ImageLocality', () => {
  it.each([
    ['two images spread on two nodes, prefer the larger image one', ['gcr.io/40', 'gcr.io/250'], [node403002000, node25010], [], [0, 5]],
    ['two images on one node, prefer this node', ['gcr.io/40', 'gcr.io/300'], [node403002000, node25010], [], [7, 0]],
    ['if exceed limit, use limit', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010], [], [100, 0]],
    ['if exceed limit, use limit (with node which has no images present)', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010, noImages], [], [66, 0, 0]],
    ['pod with multiple large images, node2 is preferred', ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'], [node60040900, node300600900, noImages], [], [32, 36, 0]],
    ['pod with multiple small images', ['gcr.io/30', 'gcr.io/40'], [node203040, node400030], [], [1, 0]],
    ['include InitContainers: two images spread on two nodes, prefer the larger image one', ['gcr.io/30'], [node403002000, node203040], ['gcr.io/300'], [6, 0]],
  ] as const)('%s', (_name, images, nodes, init, want) => {
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

  // upstream: pkg/scheduler/schedule_one_test.go Test_prioritizeNodes, the two ImageLocality cases (newest stored version)
  const status1: Images = [[['gcr.io/40:latest', 'gcr.io/40:v1'], 80], [['gcr.io/300:latest', 'gcr.io/300:v1'], 300]];
  const status2: Images = [[['gcr.io/300:latest'], 300], [['gcr.io/40:latest', 'gcr.io/40:v1'], 80]];
  const status3: Images = [[['gcr.io/600:latest'], 600], [['gcr.io/40:latest'], 80], [['gcr.io/900:latest'], 900]];
  it.each([
    ['the score from Image Locality plugin with image in all nodes', 'gcr.io/40', [5, 5, 5]],
    ['the score from Image Locality plugin with image in partial nodes', 'gcr.io/300', [18, 18, 0]],
  ] as const)('Test_prioritizeNodes: %s', (_name, image, want) => {
    expect(scores([image], [status1, status2, status3])).toEqual(want);
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
