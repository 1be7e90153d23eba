// The topology step of TranslateInTreePVToCSI: a PV's zone, from its node affinity or else its zone label, under the
// CSI driver's topology key; a beta region requirement under the GA key.
// upstream: staging/src/k8s.io/csi-translation-lib/plugins/in_tree_volume.go translateTopologyFromInTreeToCSI,
// getTopologyLabel, replaceTopology, addTopology (kubernetes/kubernetes at 04791b4906602ffda5ccf9bc4c84d3329f1d7080)
import type { Labels, NodeSelector, NodeSelectorTerm, Requirement } from '../../model/labels.js';

const GA = { zone: 'topology.kubernetes.io/zone', region: 'topology.kubernetes.io/region' } as const;
const BETA = { zone: 'failure-domain.beta.kubernetes.io/zone', region: 'failure-domain.beta.kubernetes.io/region' } as const;
/** labelMultiZoneDelimiter: a regional volume's zone label lists its zones joined by `__`. */
const MULTI_ZONE_DELIMITER = '__';

function expressions(affinity: NodeSelector | undefined): Requirement[] {
  return affinity?.terms.flatMap((term) => term.labels?.requirements ?? []) ?? [];
}

/** getTopologyValues: the values of every requirement on `key`. */
function topologyValues(affinity: NodeSelector | undefined, key: string): string[] {
  return expressions(affinity).flatMap((r) => (r.key === key ? r.values : []));
}

/** getTopologyLabel: GA or beta keys, from the node affinity's zone key, else the PV's zone label; GA by default. */
function topologyLabels(affinity: NodeSelector | undefined, labels: Labels): typeof GA | typeof BETA {
  const keys = new Set(expressions(affinity).map((r) => r.key));
  if (keys.has(GA.zone)) return GA;
  if (keys.has(BETA.zone)) return BETA;
  if (Object.hasOwn(labels, GA.zone)) return GA;
  return Object.hasOwn(labels, BETA.zone) ? BETA : GA;
}

/** replaceTopology: every requirement on `oldKey` is on `newKey` instead. */
function replaceTopology(affinity: NodeSelector, oldKey: string, newKey: string): NodeSelector {
  const rekey = (r: Requirement): Requirement => (r.key === oldKey ? { ...r, key: newKey } : r);
  return { terms: affinity.terms.map((term) => (term.labels?.requirements ? { ...term, labels: { requirements: term.labels.requirements.map(rekey) } } : term)) };
}

const EMPTY_TERM: NodeSelectorTerm = { labels: null, fields: null, parsed: true, nameIn: [] };

/** addTopology: `key In zones` in every term (one new term when there is none); no valid zone adds nothing. */
function addTopology(affinity: NodeSelector | undefined, key: string, zones: readonly string[]): NodeSelector | undefined {
  const values = [...new Set(zones.map((zone) => zone.trim()).filter((zone) => zone !== ''))].sort();
  // upstream's error for no valid zone is dropped by translateTopologyFromInTreeToCSI
  if (values.length === 0) return affinity;
  const topology: Requirement = { key, operator: 'In', values };
  const terms = affinity && affinity.terms.length > 0 ? affinity.terms : [EMPTY_TERM];
  return { terms: terms.map((term) => ({ ...term, labels: { requirements: [...(term.labels?.requirements ?? []), topology] } })) };
}

/** translateTopologyFromInTreeToCSI: the node affinity of the PV translated for a driver with this topology key. */
export function translateTopology(affinity: NodeSelector | undefined, labels: Labels, csiTopologyKey: string): NodeSelector | undefined {
  const { zone, region } = topologyLabels(affinity, labels);
  let translated = affinity;
  if (affinity && topologyValues(affinity, zone).length > 0) translated = replaceTopology(affinity, zone, csiTopologyKey);
  else if (Object.hasOwn(labels, zone)) translated = addTopology(affinity, csiTopologyKey, (labels[zone] ?? '').split(MULTI_ZONE_DELIMITER));
  if (region === BETA.region && translated && topologyValues(translated, region).length > 0) translated = replaceTopology(translated, region, GA.region);
  return translated;
}
