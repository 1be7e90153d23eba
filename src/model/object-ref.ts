// Identity of a Kubernetes object as reported in findings and scheduling results.

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}
