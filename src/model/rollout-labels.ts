// The label Argo Rollouts gives a Rollout's ReplicaSets, their selectors and their pods (its pod-template-hash).
// upstream: argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go DefaultRolloutUniqueLabelKey

export const ROLLOUTS_POD_TEMPLATE_HASH = 'rollouts-pod-template-hash';
