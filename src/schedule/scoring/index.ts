// The score plugins of the default profile that kubefit models, with their default weights
// (pkg/scheduler/apis/config/v1/default_plugins.go). The VolumeBinding score is not modelled.
import dynamicResources from './dynamic-resources.js';
import imageLocality from './image-locality.js';
import interPodAffinity from './inter-pod-affinity.js';
import nodeAffinity from './node-affinity.js';
import { balancedAllocation, leastAllocated } from './node-resources.js';
import podTopologySpread from './pod-topology-spread.js';
import type { ScorePlugin } from './score-plugin.js';
import taintToleration from './taint-toleration.js';

export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  leastAllocated,
  podTopologySpread,
  interPodAffinity,
  dynamicResources,
  balancedAllocation,
  imageLocality,
];
