import { describe, expect, it } from 'vitest';
import { loadManifests } from '../load/load-manifests.js';
import { loadSchemaDirs } from './schema-dirs.js';
import { validateObjects, type SchemaOptions } from './validate.js';

const DEFAULTS: SchemaOptions = { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false };

async function check(file: string, options: Partial<SchemaOptions> = {}): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { ...DEFAULTS, ...options }).map(
    (finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`,
  );
}

describe('validateObjects: built-in schemas', () => {
  it.each([
    'valid-pod.yaml', 'valid-deployment.yaml', 'valid-replicaset.yaml', 'valid-replicationcontroller.yaml',
    'valid-statefulset.yaml', 'valid-daemonset.yaml', 'valid-job.yaml', 'valid-cronjob.yaml', 'valid-node.yaml',
    'valid-null-fields.yaml', 'valid-null-list-items.yaml', 'valid-empty-enums.yaml', 'valid-status.yaml',
    'valid-defaulted-required.yaml', 'valid-defaulted-required-resource.yaml',
  ])('accepts %s', async (file) => {
    expect(await check(file)).toEqual([]);
  });

  it('judges a workload without spec as its zero spec (a struct in Go), as the API server does', async () => {
    expect(await check('invalid-workloads-without-spec.yaml')).toEqual([
      '3:1 error schema: missing required field "selector" in spec',
      '3:1 error schema: missing required field "template" in spec',
      '7:1 error schema: missing required field "template" in spec',
    ]);
  });

  it('judges a field the schema lists as required by the release the run checks: a zero-second sleep before v1.33', async () => {
    expect(await check('valid-defaulted-required.yaml', { kubernetesVersion: '1.32' })).toEqual([
      '47:11 error schema: missing required field "seconds" in spec.containers[0].lifecycle.preStop.sleep',
    ]);
  });

  it('does not judge the form of a value, the name of a key, or the apiVersion and kind holding a substitution variable (${APP}, $NAMESPACE: Flux post-build substitution, envsubst), nor call a number written as one missing', async () => {
    expect(await check('substitution-variables.yaml')).toEqual([
      '28:16 error schema: spec.resources.requests.storage: "five-gigs" is not a valid quantity',
      '38:7 info unknown-kind: rbac.authorization.k8s.io/v1 ${ROLE_KIND}: its kind holds a substitution variable, replaced before the object is applied: not validated',
      '43:13 info unknown-kind: $API_VERSION SecretProviderClass: its apiVersion holds a substitution variable, replaced before the object is applied: not validated',
    ]);
  });

  it('reports an enum value the API server rejects once, in its words, not again as the schema\'s enum', async () => {
    expect(await check('invalid-enum-once.yaml')).toEqual([
      '11:23 error api-validation: spec.rules[0].http.paths[0].pathType: Unsupported value: "": supported values: "Exact", "ImplementationSpecific", "Prefix"',
      '24:19 error api-validation: preemptionPolicy: Required value',
    ]);
  });

  it('reports ownerReferences in the API server\'s words, and a missing uid once (the schema\'s missing required field)', async () => {
    expect(await check('invalid-owner-references.yaml')).toEqual([
      '8:7 error schema: missing required field "uid" in metadata.ownerReferences[0]',
      '9:20 error api-validation: metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty',
      '9:61 error api-validation: metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]);
  });

  it('reports an unknown field at its key, with the closest known field', async () => {
    expect(await check('invalid-unknown-field.yaml')).toEqual([
      '18:11 error schema: unknown field "resource" in spec.template.spec.containers[0] (did you mean "resources"?)',
      '25:7 error schema: unknown field "maxUnavailabel" in spec.strategy.rollingUpdate (did you mean "maxUnavailable"?)',
    ]);
  });

  it('reports an unknown field whose value is null: the strict decoding rejects the name before reading the value', async () => {
    // upstream: sigs.k8s.io/json decode.go object() (disallowUnknownFields saves the error before the value is read)
    expect(await check('invalid-unknown-null-field.yaml')).toEqual([
      '8:3 error schema: unknown field "owner" in metadata',
      '22:11 error schema: unknown field "extra" in spec.template.spec.containers[0]',
      '23:11 error schema: unknown field "resource" in spec.template.spec.containers[0] (did you mean "resources"?)',
    ]);
  });

  it('reports wrong types, values outside upstream enums and invalid quantities at the value, and no field validation after a type the API server cannot decode', async () => {
    expect(await check('invalid-types.yaml')).toEqual([
      '6:13 error schema: spec.replicas must be an integer, got "3"',
      '15:20 error schema: spec.template.spec.hostNetwork must be a boolean, got "yes"',
      '19:17 error schema: spec.template.spec.containers[0].args must be a list, got "--verbose"',
      '22:25 error schema: spec.template.spec.containers[0].ports[0].protocol must be one of "SCTP", "TCP", "UDP", got "tcp"',
      '23:28 error schema: spec.template.spec.containers[0].imagePullPolicy must be one of "Always", "IfNotPresent", "Never", got "always"',
      '26:20 error schema: spec.template.spec.containers[0].resources.limits.cpu: "2 cores" is not a valid quantity',
    ]);
  });

  it('judges no field after a quantity the API server cannot decode, as it rejects the object with that error alone', async () => {
    expect(await check('invalid-quantity-decoding.yaml')).toEqual([
      '21:20 error schema: spec.template.spec.containers[0].resources.requests.cpu: "two" is not a valid quantity',
      '39:30 error invalid-port: spec.template.spec.containers[0].ports[0].containerPort: Required value',
    ]);
  });

  it('rejects an integer outside its Go field\'s int32 or int64 range in the decoder\'s words, and judges no field after it', async () => {
    // upstream: sigs.k8s.io/json literalStore (UnmarshalTypeError for a number ParseInt refuses or the field overflows)
    expect(await check('integer-overflow.yaml')).toEqual([
      '9:13 error schema: json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
      '16:17 error schema: json: cannot unmarshal number -2147483649 into Go struct field PodSpec.spec.template.spec.priority of type int32',
      '17:38 error schema: json: cannot unmarshal number 100000000000000000000 into Go struct field PodSpec.spec.template.spec.terminationGracePeriodSeconds of type int64',
      '22:30 error schema: json: cannot unmarshal number 4294967297 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
      '42:30 error invalid-port: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 2147483647: must be between 1 and 65535, inclusive',
      '52:30 error schema: json: cannot unmarshal number 3000000000 into Go struct field ServicePort.spec.ports.targetPort of type int32',
      '61:8 error schema: json: cannot unmarshal number 3000000000 into Go struct field PriorityClass.value of type int32',
      '69:32 error schema: json: cannot unmarshal number 100000000000000000000 into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64',
      '69:54 error schema: spec.securityContext.supplementalGroups[2] must be an integer, got 1.5',
    ]);
  });

  // sigs.k8s.io/json decode.go array: a slice of uint8 is read element by element; only a string is base64
  it('takes a []byte field written as a list of byte numbers, as the API server\'s decoding does, and no other list', async () => {
    expect(await check('invalid-byte-lists.yaml')).toEqual([
      '17:13 error schema: binaryData.tooLarge must be a string, got a list',
      '18:13 error schema: binaryData.fraction must be a string, got a list',
      '19:9 error schema: binaryData.text must be a string, got a list',
    ]);
  });

  it('reports int-or-string as one problem, enums and missing required fields', async () => {
    expect(await check('invalid-service.yaml')).toEqual([
      '6:9 error schema: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", got "Loadbalancer"',
      '12:9 error schema: spec.ports[0].targetPort must be an integer or a string, got a mapping',
      '13:7 error schema: missing required field "port" in spec.ports[1]',
    ]);
  });
});

describe('validateObjects: API-server validations of workloads', () => {
  it('ValidateDeployment, ValidateJob, ValidateCronJob, ValidateReplicaSet: names, labels, selectors, container names, ports and restart policies in the API server\'s words', async () => {
    expect(await check('invalid-workload-rules.yaml')).toEqual([
      "4:9 error invalid-name: metadata.name: Invalid value: \"Web_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "6:5 error invalid-label: metadata.labels: Invalid value: \"app name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "7:11 error invalid-label: metadata.labels: Invalid value: \"front/end\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "15:9 error selector-mismatch: spec.template.metadata.labels: Invalid value: {\"app\":\"website\"}: `selector` does not match template `labels`",
      "17:22 error invalid-restart-policy: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
      "19:17 error duplicate-container-name: spec.template.spec.initContainers[0].name: Duplicate value: \"web\"",
      "25:30 error invalid-port: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "36:7 error invalid-restart-policy: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
      "50:26 error invalid-restart-policy: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
      "60:13 error selector-mismatch: spec.selector: Invalid value: {}: empty selector is invalid for deployment",
    ]);
  });
});

describe('validateObjects: kinds', () => {
  it('reports unknown built-in kinds in kubectl\'s words (cli-runtime mapper.go infoForData, meta.NoKindMatchError), removed API versions and custom resources without a schema once per kind', async () => {
    expect(await check('invalid-kinds.yaml')).toEqual([
      '2:7 error unknown-kind: no matches for kind "Deploymnet" in version "apps/v1": Kubernetes has no apps/v1 Deploymnet (did you mean Deployment?)',
      '6:13 error deprecated-api: extensions/v1beta1 Deployment was removed in Kubernetes 1.16: use apps/v1',
      '11:13 error deprecated-api: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25: use policy/v1',
      '16:13 error deprecated-api: autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26: use autoscaling/v2',
      '22:7 info unknown-kind: no schema for custom resource monitoring.coreos.com/v1 ServiceMonitor: not validated',
      '32:7 error unknown-kind: no matches for kind "CronJob" in version "apps/v1": Kubernetes has no apps/v1 CronJob (CronJob is batch/v1)',
      "38:7 error unknown-kind: no matches for kind \"Eviction\" in version \"policy/v1\": policy/v1 Eviction is the body of a pod's eviction subresource (POST .../pods/<name>/eviction), not an object kubectl can apply",
      '45:7 error unknown-kind: no matches for kind "Template" in version "v1": Kubernetes has no v1 Template',
    ]);
  });

  it('warns about an API that the target Kubernetes version still serves but a later one removes', async () => {
    const findings = await check('invalid-kinds.yaml', { kubernetesVersion: '1.24' });
    expect(findings.filter((finding) => finding.includes('deprecated-api'))).toEqual([
      '6:13 error deprecated-api: extensions/v1beta1 Deployment was removed in Kubernetes 1.16: use apps/v1',
      '11:13 warning deprecated-api: policy/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1.21 and removed in 1.25: use policy/v1',
      '16:13 warning deprecated-api: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated since Kubernetes 1.23 and removed in 1.26: use autoscaling/v2',
    ]);
  });

  it('says a tool\'s file (kind, clusterctl, operator-sdk scorecard, a kubeconfig) is not an API object, even when the inputs hold a CRD of its kind', async () => {
    expect(await check('tool-files.yaml')).toEqual([
      '24:7 info unknown-kind: clusterctl.cluster.x-k8s.io/v1alpha3 Metadata is a file of clusterctl, read from disk, not an API object: not validated',
      '27:7 info unknown-kind: kind.x-k8s.io/v1alpha4 Cluster is a file of kind, read from disk, not an API object: not validated',
      '33:7 info unknown-kind: v1 Config is a kubeconfig file, read from disk by kubectl and other clients, not an API object: not validated',
      '47:7 info unknown-kind: scorecard.operatorframework.io/v1alpha3 Configuration is a file of operator-sdk scorecard, read from disk, not an API object: not validated',
    ]);
  });

  it('says a component configuration file is not an API object, once per kind, even with strictKinds', async () => {
    const expected = [
      '3:7 info unknown-kind: kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration is the configuration file of a Kubernetes component, not an API object: not validated here; pass it with --scheduler-config to check it and schedule with its profiles',
      '8:7 info unknown-kind: kubelet.config.k8s.io/v1beta1 KubeletConfiguration is the configuration file of a Kubernetes component, not an API object: not validated',
      '16:7 info unknown-kind: apiserver.config.k8s.io/v1 EncryptionConfiguration is the configuration file of a Kubernetes component, not an API object: not validated',
      "23:7 info unknown-kind: v1 EncryptionConfig is the API server's encryption configuration file (the old name of apiserver.config.k8s.io/v1 EncryptionConfiguration), not an API object: not validated",
    ];
    expect(await check('component-configuration.yaml')).toEqual(expected);
    expect(await check('component-configuration.yaml', { strictKinds: true })).toEqual(expected);
  });

  it('reports every custom resource without a schema as an error with strictKinds', async () => {
    const findings = await check('invalid-kinds.yaml', { strictKinds: true });
    expect(findings.filter((finding) => finding.includes('ServiceMonitor'))).toEqual([
      '22:7 error unknown-kind: no schema for custom resource monitoring.coreos.com/v1 ServiceMonitor',
      '27:7 error unknown-kind: no schema for custom resource monitoring.coreos.com/v1 ServiceMonitor',
    ]);
  });
});

describe('validateObjects: custom resources', () => {
  it('validates custom resources against CRDs in the same run and --schemas files, strictly', async () => {
    const { schemas, errors } = await loadSchemaDirs(['schemas'], 'fixtures/schema');
    expect(errors).toEqual([]);
    expect(await check('custom-resources.yaml', { extraSchemas: schemas })).toEqual([
      '45:1 error schema: missing required field "schedule" in spec',
      '46:14 error schema: spec.retention must be an integer or a string, got a list',
      '47:3 error schema: unknown field "schedul" in spec (did you mean "schedule"?)',
      '55:13 error schema: spec.replicas matches none of the forms the schema allows, got "many"; closest is anyOf[0]: spec.replicas must be an integer, got "many"',
    ]);
  });

  it('reads a --schemas file\'s OpenAPI v3.0 boolean exclusiveMinimum as making minimum exclusive', async () => {
    const { schemas } = await loadSchemaDirs(['schemas'], 'fixtures/schema');
    expect(await check('exclusive-bounds-schemas.yaml', { extraSchemas: schemas })).toEqual(['9:16 error schema: spec.parallelism: Invalid value: 0: spec.parallelism in body should be greater than 0']);
  });

  it('warns once per kind that a schema whose $ref loops back without reaching a field cannot be used', async () => {
    const extraSchemas = new Map<string, unknown>([['example.com/loop_v1', { $ref: '#' }], ['example.com/allofloop_v1', { type: 'object', allOf: [{ $ref: '#' }] }]]);
    const unusable = 'cannot be used: validating with it overflows the stack (Maximum call stack size exceeded): a $ref loops back before reaching a field, or the value is nested too deep for it';
    expect(await check('self-referencing-schema.yaml', { extraSchemas })).toEqual([
      `4:7 warning unknown-kind: the schema of example.com/v1 Loop ${unusable}`,
      `15:7 warning unknown-kind: the schema of example.com/v1 AllOfLoop ${unusable}`,
    ]);
  });

  it('reports a custom resource without a schema once per kind', async () => {
    expect(await check('custom-resources.yaml')).toEqual([
      '45:1 error schema: missing required field "schedule" in spec',
      '46:14 error schema: spec.retention must be an integer or a string, got a list',
      '47:3 error schema: unknown field "schedul" in spec (did you mean "schedule"?)',
      '50:7 info unknown-kind: no schema for custom resource example.com/v1 Restore: not validated',
    ]);
  });
});
