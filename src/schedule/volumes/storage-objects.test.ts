import { describe, expect, it } from 'vitest';
import type { Labels } from '../../model/labels.js';
import { matchesTopology, type TopologyTerm } from './storage-objects.js';

const req = (key: string, ...values: string[]) => ({ key, values });

// Ported from pkg/apis/core/v1/helper/helpers_test.go TestMatchTopologySelectorTerms (kubernetes/kubernetes, stored
// version): v1helper.MatchTopologySelectorTerms, which checks a StorageClass's allowedTopologies against a node.
describe('TestMatchTopologySelectorTerms (upstream helpers_test.go)', () => {
  it.each<[string, readonly TopologyTerm[], Labels, boolean]>([
    ['nil term list', [], {}, true],
    ['nil term', [[]], {}, false],
    ['label matches MatchLabelExpressions terms', [[req('label_1', 'label_1_val')]], { label_1: 'label_1_val' }, true],
    ['label does not match MatchLabelExpressions terms', [[req('label_1', 'label_1_val')]], { label_1: 'label_1_val-failed' }, false],
    ['multi-values in one requirement, one matched', [[req('label_1', 'label_1_val1', 'label_1_val2')]], { label_1: 'label_1_val2' }, true],
    ['multi-terms was set, one matched', [[req('label_1', 'label_1_val')], [req('label_2', 'label_2_val')]], { label_2: 'label_2_val' }, true],
    [
      'multi-requirement in one term, fully matched', [[req('label_1', 'label_1_val'), req('label_2', 'label_2_val')]],
      { label_1: 'label_1_val', label_2: 'label_2_val' }, true,
    ],
    [
      'multi-requirement in one term, partial matched', [[req('label_1', 'label_1_val'), req('label_2', 'label_2_val')]],
      { label_1: 'label_1_val-failed', label_2: 'label_2_val' }, false,
    ],
  ])('%s', (_name, terms, labels, want) => {
    expect(matchesTopology(terms, labels)).toBe(want);
  });
});
