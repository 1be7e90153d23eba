// MutatingWebhookConfigurations among the inputs: which resources a webhook may change on create, before validation.
import { asArray, asRecord, type KubeObject } from '../model/object.js';

/** One rule of a webhook: the API groups, versions, resources and operations it intercepts. */
interface WebhookRule {
  readonly configuration: string;
  readonly apiGroups: readonly string[];
  readonly apiVersions: readonly string[];
  readonly resources: readonly string[];
  readonly operations: readonly string[];
  /** The webhook's matchPolicy: Equivalent (the default) also matches another version of the same resource. */
  readonly exact: boolean;
}

/**
 * The rules of every MutatingWebhookConfiguration of the inputs, read one object at a time. Mutating admission runs
 * before the API server validates a created object against its schema, so a webhook's defaults (kubebuilder's
 * Default()) may fill fields the schema requires.
 */
// upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go (mutating admission, then rest.BeforeCreate's Validate)
export class MutatingWebhookCollector {
  readonly #rules: WebhookRule[] = [];

  add(object: KubeObject): void {
    if (object.fromCluster || object.ref.apiVersion !== 'admissionregistration.k8s.io/v1' || object.ref.kind !== 'MutatingWebhookConfiguration') return;
    for (const webhook of asArray(object.value['webhooks']).map(asRecord)) {
      const exact = webhook?.['matchPolicy'] === 'Exact';
      for (const rule of asArray(webhook?.['rules'])) this.#rules.push(toRule(object.ref.name, asRecord(rule) ?? {}, exact));
    }
  }

  /**
   * The name of a MutatingWebhookConfiguration that intercepts creating the resource (group, version, plural), if any;
   * `versions`: every version of the resource (a CRD's), which a webhook of matchPolicy Equivalent matches alike.
   */
  mutatingOnCreate(group: string, version: string, plural: string, versions: readonly string[]): string | undefined {
    return this.#rules.find((rule) => matchesCreate(rule, group, rule.exact ? [version] : versions, plural))?.configuration;
  }
}

function toRule(configuration: string, rule: Readonly<Record<string, unknown>>, exact: boolean): WebhookRule {
  const strings = (field: string) => asArray(rule[field]).filter((entry): entry is string => typeof entry === 'string');
  return { configuration, apiGroups: strings('apiGroups'), apiVersions: strings('apiVersions'), resources: strings('resources'), operations: strings('operations'), exact };
}

// upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/predicates/rules/rules.go Matcher (resource
// "*" and "*/*" match every resource, "plural/*" only its subresources); webhook/generic/webhook.go ShouldCallHook
// (matchPolicy Equivalent: the request converted to an equivalent version the rule names; every version of a CRD is
// one, customresource_handler.go RegisterKindFor); object, namespace selectors and match conditions are not known
// offline, so a webhook is taken to apply
function matchesCreate(rule: WebhookRule, group: string, versions: readonly string[], plural: string): boolean {
  const has = (values: readonly string[], value: string) => values.includes('*') || values.includes(value);
  return has(rule.operations, 'CREATE') && has(rule.apiGroups, group) && versions.some((version) => has(rule.apiVersions, version)) && rule.resources.some((resource) => resource === plural || resource === '*' || resource === '*/*');
}
