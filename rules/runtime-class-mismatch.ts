// A pod that contradicts its RuntimeClass (or sets an overhead without one) is refused at creation by the RuntimeClass
// admission plugin. upstream: plugin/pkg/admission/runtimeclass/admission.go setOverhead, setScheduling, validateOverhead
import { defineRule } from '../src/lint/define-rule.js';
import { treeClusterObject } from '../src/lint/evidence.js';
import { runtimeClassOf, runtimeClassRefusal } from '../src/model/runtime-class.js';

export default defineRule({
  meta: {
    id: 'runtime-class-mismatch',
    severity: 'error',
    category: 'reliability',
    description: "pod sets an overhead or node selector that its RuntimeClass contradicts, or an overhead without a RuntimeClass that defines one",
    rationale:
      "The RuntimeClass admission plugin gives a new pod its class's overhead.podFixed and scheduling.nodeSelector, and refuses a pod " +
      'whose own spec.overhead differs from the class\'s ("pod rejected: Pod\'s Overhead doesn\'t match RuntimeClass\'s defined Overhead"), ' +
      'whose nodeSelector gives a key of the class\'s another value ("conflict: runtimeClass.scheduling.nodeSelector[...]"), or that sets ' +
      'spec.overhead while its class defines none or it names no class ("pod rejected: Pod Overhead set without corresponding RuntimeClass ' +
      "defined Overhead\"). A workload's controller keeps failing to create such pods. The rule judges the classes the inputs define in the " +
      "pod's directory tree, and a pod that names no class.",
    remediation: 'Remove spec.overhead (the API server copies it from the RuntimeClass), and the node selector keys the class sets.',
    defaultOn: true,
    queries: ['RuntimeClass'],
    appliesTo: { target: 'podSpec' },
    messages: { refused: '{{message}}' },
  },
  check(workload, { index, report }) {
    const { podSpec: spec, podSpecPath: path, object } = workload;
    const name = spec['runtimeClassName'];
    const named = typeof name === 'string' && name !== '';
    const defined = named ? treeClusterObject(index, 'RuntimeClass', name, object) : undefined;
    // a class the inputs lack may be the cluster's (non-existent-runtime-class says when it cannot be)
    if (named && !defined) return;
    const runtimeClass = defined && runtimeClassOf(defined);
    if (defined && !runtimeClass) return;
    const refusal = runtimeClassRefusal(spec, runtimeClass);
    if (refusal) report({ messageId: 'refused', data: { message: refusal.message }, at: [...path, ...refusal.field] });
  },
});
