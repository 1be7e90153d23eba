// Ports of pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority and of the
// two ImageLocality cases of pkg/scheduler/schedule_one_test.go Test_prioritizeNodes (kubernetes/kubernetes, newest
// stored versions), run the way kube-scheduler scores: the Nodes (with status.images) are loaded as a cluster, the
// profile (a KubeSchedulerConfiguration) scores with ImageLocality alone, and the scores are the ones selectHost
// compares. image-locality.test.ts runs the same table against the plugin alone.
import { describe, expect, it } from 'vitest';
import { scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';
import { IMAGE_LOCALITY_PRIORITY, MB, PRIORITIZE_NODES_IMAGE_LOCALITY, type Images } from './upstream-score-objects.js';

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
  it.each(IMAGE_LOCALITY_PRIORITY)('%s', (_name, images, nodes, init, want) => {
    expect(scores(images, nodes, init)).toEqual(want);
  });
});

describe('Test_prioritizeNodes (upstream), the ImageLocality cases', () => {
  it.each(PRIORITIZE_NODES_IMAGE_LOCALITY)('%s', (_name, images, nodes, init, want) => {
    expect(scores(images, nodes, init)).toEqual(want);
  });
});
