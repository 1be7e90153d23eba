// TaintToleration score: fewer untolerated PreferNoSchedule taints is better.
// upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go Score, NormalizeScore (v1.35)
import { toleratesTaint } from '../plugins/taint-toleration.js';
import { defaultNormalizeScore, defineScorePlugin } from './score-plugin.js';

export default defineScorePlugin<true>({
  name: 'TaintToleration',
  weight: 3,
  perNode: true,
  preScore: () => true,
  score(pod, node) {
    const tolerations = pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule');
    return node.taints.filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => toleratesTaint(t, taint))).length;
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
});
