// Inputs shared by the LimitRange rule tests: a pod and the LimitRange that bounds it.

/** A pod named p with the given spec lines (indented four spaces) and one LimitRange of the given items. */
export const podWithLimitRange = (spec: string, items: string, name = 'lr') => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
${spec}
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: ${name}}
  spec:
    limits: [${items}]
`;
