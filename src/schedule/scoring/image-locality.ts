// ImageLocality score: nodes that already have the pod's images score higher, scaled by how widely each is spread.
// upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality.go (v1.36; no NormalizeScore)
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { MAX_NODE_SCORE, defineScorePlugin } from './score-plugin.js';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

interface ScoreState {
  /** Nodes in the cluster (totalNumNodes). */
  readonly totalNumNodes: number;
  /** The images whose presence counts: the containers', and from v1.36 the image volumes' too. */
  readonly images: readonly string[];
}

/** Since v1.36 image volumes add to the sum, but not to the containers that set the maximum (kubernetes#130231). */
const IMAGE_VOLUMES_SINCE = 36;

/** The images the score sums over for this release. */
export function scoredImages(pod: PodInfo, minor: number): readonly string[] {
  return minor >= IMAGE_VOLUMES_SINCE && pod.imageVolumes.length > 0 ? [...pod.images, ...pod.imageVolumes] : pod.images;
}

/** sumImageScores: each image's size times the fraction of nodes that have it. */
function sumImageScores(images: readonly string[], node: NodeInfo, totalNumNodes: number): number {
  let sum = 0;
  for (const image of images) {
    const state = node.imageStates.get(image);
    if (state) sum += Math.trunc(state.size * (state.numNodes / totalNumNodes));
  }
  return sum;
}

/** calculatePriority: the sum clamped to [23 MB, 1000 MB x containers], scaled to [0, 100]. */
export function imageLocalityScore(pod: PodInfo, node: NodeInfo, state: ScoreState): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * pod.images.length;
  const sum = Math.min(Math.max(sumImageScores(state.images, node, state.totalNumNodes), MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

const imageSets = new WeakMap<readonly NodeInfo[], ReadonlySet<string>>();

/** Every image name some node of the cluster reports in node.status.images, built once per cluster. */
function imagesOf(nodes: readonly NodeInfo[]): ReadonlySet<string> {
  let images = imageSets.get(nodes);
  if (!images) imageSets.set(nodes, (images = new Set(nodes.flatMap((node) => [...node.imageStates.keys()]))));
  return images;
}

export default defineScorePlugin<ScoreState>({
  name: 'ImageLocality',
  weight: 1,
  perNode: true,
  // Every node scores 0 when no feasible node has any of the pod's images: skipping changes no total.
  preScore(pod, feasible, cluster) {
    const images = scoredImages(pod, cluster.minor);
    // most pods name no image any node reports: decided without listing the feasible nodes
    if (!images.some((image) => imagesOf(cluster.nodes).has(image))) return undefined;
    const present = feasible.list().some((node) => node.imageStates.size > 0 && images.some((image) => node.imageStates.has(image)));
    return present ? { totalNumNodes: cluster.nodes.length, images } : undefined;
  },
  score: imageLocalityScore,
  nodeImages: (_pod, state) => state.images,
});
