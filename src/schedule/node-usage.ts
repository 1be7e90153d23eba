// What every node holds after the dry-run, for reports that draw headroom: allocatable, requested by the pods bound
// before the run, requested by the replicas it placed (JSON contract `nodes`).
import { compareStrings } from '../model/finding.js';
import { IdentityTrie } from '../model/identity-trie.js';
import type { NodeInfo } from './node-info.js';
import { PODS, type ResourceAmounts } from './resources.js';

/** Amounts per resource in the scheduler's units: cpu in millicores, memory and storage in bytes, pods and devices in units. */
export type ResourceNumbers = Readonly<Record<string, number>>;

export interface NodeUsage {
  readonly name: string;
  readonly allocatable: ResourceNumbers;
  /** Requests of the pods bound to the node before the run (after --drain). */
  readonly bound: ResourceNumbers;
  /** Requests of the replicas the dry-run placed there. */
  readonly placed: ResourceNumbers;
}

/**
 * `before`: the nodes with their bound pods; `after`: the same nodes once every replica is placed. Nodes that share
 * their amounts objects (a snapshot's node classes, see SharedNodeParts) share their records of them.
 */
export function nodeUsage(before: readonly NodeInfo[], after: readonly NodeInfo[]): NodeUsage[] {
  const finalOf = finalNodes(after);
  const numbers = new IdentityTrie<ResourceNumbers>();
  const differences = new IdentityTrie<ResourceNumbers>();
  return before
    .map((node, index) => {
      const final = finalOf(node, index);
      // what the node declares, not the dry-run's ceiling (MAX_NODE_PODS, said by its own finding)
      const allowed = Number(node.allocatable[PODS] ?? 0n);
      const placedPods = final.pods.length - node.pods.length;
      return {
        name: node.name,
        allocatable: numbers.at(node.allocatable).at(allowed).value(() => numbersOf(node.allocatable, allowed)),
        bound: numbers.at(node.requested).at(node.pods.length).value(() => numbersOf(node.requested, node.pods.length)),
        placed: differences.at(final.requested).at(node.requested).at(placedPods).value(() => difference(final.requested, node.requested, placedPods)),
      };
    })
    .sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * The node at `index` of the nodes before placement as `after` holds it: the same nodes in the same order, as the
 * scheduler keeps them, looked up by name only where they are not.
 */
export function finalNodes(after: readonly NodeInfo[]): (node: NodeInfo, index: number) => NodeInfo {
  let placedOn: Map<string, NodeInfo> | undefined;
  return (node, index) => {
    const same = after[index];
    if (same?.name === node.name) return same;
    placedOn ??= new Map(after.map((each) => [each.name, each]));
    return placedOn.get(node.name) ?? node;
  };
}

/** The non-zero amounts as numbers, and `pods`. */
function numbersOf(amounts: ResourceAmounts, pods: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name in amounts) {
    const amount = amounts[name] ?? 0n;
    if (amount !== 0n) out[name] = Number(amount);
  }
  out[PODS] = pods;
  return out;
}

/** What `after` adds to `before`, as numbers, and `pods`. */
function difference(after: ResourceAmounts, before: ResourceAmounts, pods: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name in after) {
    const added = (after[name] ?? 0n) - (before[name] ?? 0n);
    if (added !== 0n) out[name] = Number(added);
  }
  out[PODS] = pods;
  return out;
}
