// An Ingress whose backend names a missing Service, or a port the Service does not have, answers 503 on that path.
import { CUSTOM_RESOURCES } from '../src/lint/lint-index.js';
import type { Path } from '../src/model/document.js';
import { defineRule } from '../src/lint/define-rule.js';
import { directoryHasKind, hasCustomResources } from '../src/lint/evidence.js';
import { asArray, asRecord, type KubeObject } from '../src/model/object.js';
import { holdsSubstitution } from '../src/model/substitution.js';
import { valueAt } from '../src/model/workload.js';

interface Backend {
  readonly service: string;
  readonly port: string | number | undefined;
  readonly servicePath: Path;
  readonly portPath: Path;
}

/** The Service backends of an Ingress: networking.k8s.io/v1 `service: {name, port}` or v1beta1 `serviceName/servicePort`. */
function backendsOf(ingress: KubeObject): Backend[] {
  const paths: Path[] = [['spec', 'defaultBackend'], ['spec', 'backend']];
  asArray(valueAt(ingress.value, ['spec', 'rules'])).forEach((rule, ruleIndex) => {
    asArray(asRecord(asRecord(rule)?.['http'])?.['paths']).forEach((_, pathIndex) => paths.push(['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend']));
  });
  return paths.flatMap((path) => {
    const backend = asRecord(valueAt(ingress.value, path));
    const service = asRecord(backend?.['service']);
    if (typeof service?.['name'] === 'string') {
      const port = asRecord(service['port']);
      const value = port?.['number'] ?? port?.['name'];
      const key = port?.['number'] !== undefined ? 'number' : 'name';
      return [{ service: service['name'], port: typeof value === 'number' || typeof value === 'string' ? value : undefined, servicePath: path.concat('service', 'name'), portPath: path.concat('service', 'port', key) }];
    }
    const legacy = backend?.['serviceName'];
    if (typeof legacy !== 'string') return [];
    const port = backend?.['servicePort'];
    return [{ service: legacy, port: typeof port === 'number' || typeof port === 'string' ? port : undefined, servicePath: path.concat('serviceName'), portPath: path.concat('servicePort') }];
  });
}

/**
 * Whether the Service has the port, or may have it: a substitution variable (`${PORT}`) stands for one of its ports. An
 * ExternalName Service (ports optional) takes any port number: the controller sends it to the external name's port.
 */
// upstream: ingress-nginx internal/ingress/controller/controller.go externalNamePorts ("ExternalName without port")
function hasPort(service: KubeObject, port: string | number): boolean {
  const isNumber = typeof port === 'number' || /^\d+$/.test(port);
  if (isNumber && valueAt(service.value, ['spec', 'type']) === 'ExternalName') return true;
  return asArray(valueAt(service.value, ['spec', 'ports'])).some((entry) => {
    const servicePort = asRecord(entry);
    if (holdsSubstitution(servicePort?.['port']) || holdsSubstitution(servicePort?.['name'])) return true;
    return isNumber ? Number(servicePort?.['port']) === Number(port) : servicePort?.['name'] === port;
  });
}

/**
 * A backend the AWS Load Balancer Controller reads from an annotation: port name `use-annotation` and an
 * `<prefix>/actions.<service name>` annotation (the prefix is alb.ingress.kubernetes.io unless --annotations-prefix
 * changes it) holding a redirect, fixed response or forward action; the name is the action's, not a Service's.
 */
// upstream: aws-load-balancer-controller pkg/ingress/enhanced_backend_builder.go magicServicePortUseAnnotation, buildActionViaAnnotation
function isAnnotationAction(ingress: KubeObject, backend: Backend): boolean {
  if (backend.port !== 'use-annotation') return false;
  const annotations = asRecord(valueAt(ingress.value, ['metadata', 'annotations'])) ?? {};
  return Object.keys(annotations).some((key) => key.endsWith(`/actions.${backend.service}`));
}

export default defineRule({
  meta: {
    id: 'dangling-ingress',
    severity: 'warning',
    category: 'networking',
    description: 'Ingress backend names a Service, or a Service port, that the inputs do not define',
    rationale:
      'The ingress controller answers 503 for a path whose backend Service does not exist or has no such port. Like kube-linter\'s dangling-ingress, the rule looks the Service up by name in the Ingress\'s namespace, in every input directory; it also checks the port (by number or by name; an ExternalName Service takes any port number, which the controller sends to the external name). A backend with the port name use-annotation and an actions.<name> annotation on the Ingress is an AWS Load Balancer Controller action (a redirect or fixed response), not a Service. It runs only when the Ingress\'s own directory defines Services of its namespace, and not when the namespace has custom resources (an operator may create the Service). Resource backends are not checked.',
    remediation: 'Correct the backend\'s service name or port, or add the Service to the manifests.',
    defaultOn: true,
    queries: ['Service', CUSTOM_RESOURCES],
    appliesTo: { target: 'object', kinds: ['Ingress'] },
    messages: {
      noService: 'backend Service "{{service}}" is not defined in namespace "{{namespace}}" of the inputs',
      noPort: 'backend port {{port}} is not a port of Service "{{service}}"',
    },
  },
  check(ingress, { index, report }) {
    const { namespace } = ingress.ref;
    if (!directoryHasKind(index, 'Service', ingress) || hasCustomResources(index, namespace)) return;
    for (const backend of backendsOf(ingress)) {
      // a name or port a substitution variable stands for (`${SERVICE_NAME:=web}`) is envsubst's or Flux's, unknown here
      if (holdsSubstitution(backend.service) || isAnnotationAction(ingress, backend)) continue;
      const service = index.named('Service', backend.service, ingress);
      if (!service) report({ messageId: 'noService', data: { service: backend.service, namespace }, at: backend.servicePath });
      else if (backend.port !== undefined && !holdsSubstitution(backend.port) && !hasPort(service, backend.port)) report({ messageId: 'noPort', data: { port: JSON.stringify(backend.port), service: backend.service }, at: backend.portPath });
    }
  },
});
