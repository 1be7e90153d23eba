// TaintToleration score: fewer untolerated PreferNoSchedule taints is better.
// upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go PreScore, Score, NormalizeScore (v1.35)
import type { Taint, Toleration } from '../pod-info.js';
import { isTolerated } from '../plugins/taint-toleration.js';
import { defaultNormalizeScore, defineScorePlugin } from './score-plugin.js';

export default defineScorePlugin<readonly Toleration[]>({
  name: 'TaintToleration',
  weight: 3,
  perNode: true,
  // upstream: PreScore keeps the tolerations of PreferNoSchedule (or any) effect (getAllTolerationPreferNoSchedule).
  preScore: (pod) => pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule'),
  score(_pod, node, tolerations) {
    let untolerated = 0;
    const { taints } = node;
    for (let index = 0; index < taints.length; index++) {
      const taint = taints[index] as Taint;
      if (taint.effect === 'PreferNoSchedule' && !isTolerated(taint, tolerations)) untolerated++;
    }
    return untolerated;
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
});
