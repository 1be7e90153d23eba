// A probe that names a port the container does not declare can never succeed: the kubelet cannot resolve the name.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isNameLike } from '../src/lint/object-name.js';
import { asArray, asRecord } from '../src/model/object.js';
import type { ContainerView } from '../src/model/workload.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

interface DeclaredPort {
  readonly name: unknown;
  readonly number: unknown;
  readonly protocol: string;
}

function declaredPorts(container: ContainerView): DeclaredPort[] {
  return asArray(container.value['ports']).map((entry) => {
    const port = asRecord(entry);
    return { name: port?.['name'], number: port?.['containerPort'], protocol: typeof port?.['protocol'] === 'string' ? port['protocol'] : 'TCP' };
  });
}

type Problem = 'unknownName' | 'unknownNumber' | 'udpOnly' | undefined;

/** What is wrong with a probe's port, given the container's declared ports (probes speak TCP, or HTTP over it). */
function portProblem(port: unknown, declared: readonly DeclaredPort[]): Problem {
  const isNumber = typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port));
  const matching = declared.filter((entry) => (isNumber ? Number(entry.number) === Number(port) : entry.name === port));
  if (matching.length > 0) return matching.some((entry) => entry.protocol !== 'UDP') ? undefined : 'udpOnly';
  if (!isNumber) return typeof port === 'string' && isNameLike(port) ? 'unknownName' : undefined;
  return declared.some((entry) => typeof entry.number === 'number') ? 'unknownNumber' : undefined;
}

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    severity: 'error',
    category: 'probes',
    description: 'probe uses a port the container does not declare, or declares for UDP only',
    rationale:
      'A probe may name its port instead of giving a number; the kubelet then looks the name up in the container\'s own ports. When no port has that name the probe fails every time, so the pod never becomes ready (readiness, startup) or is restarted in a loop (liveness). Probes connect over TCP, so a port declared only for UDP never answers them either. Numeric ports are checked only with the checkNumericPorts option: a container may listen on ports it does not declare (ingress-nginx probes its undeclared port 10254), so on real repositories most such findings are false alarms. With the option, a number is reported when the container declares ports and none has it; containers without declared ports, and httpGet probes aimed at another host, are not checked.',
    remediation: 'Use the name or number of one of the container\'s TCP ports (ports[]), or declare the port the probe uses.',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: {
      unknownName: '{{probe}} of container "{{container}}" uses port "{{port}}", which the container does not declare',
      unknownNumber: '{{probe}} of container "{{container}}" uses port {{port}}, which is not among the ports the container declares',
      udpOnly: '{{probe}} of container "{{container}}" uses port {{port}}, which the container declares for UDP only',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { checkNumericPorts: { type: 'boolean', description: 'Also report numeric probe ports that none of the container\'s declared ports has.' } },
      },
      defaults: { checkNumericPorts: false },
    },
  },
  check(container, { options, report }) {
    const declared = declaredPorts(container);
    for (const probe of PROBES) {
      for (const handler of HANDLERS) {
        const action = asRecord(asRecord(container.value[probe])?.[handler]);
        const port = action?.['port'];
        // no probe, or no port (the schema reports that): nothing uses a port (an unnamed port's name is undefined too)
        if (port === undefined) continue;
        const problem = portProblem(port, declared);
        if (!problem || (problem === 'unknownNumber' && (!options.checkNumericPorts || action?.['host'] !== undefined))) continue;
        const shown = problem === 'unknownName' ? String(port) : JSON.stringify(port);
        report({ messageId: problem, data: { probe, container: containerLabel(container), port: shown }, at: container.path.concat(probe, handler, 'port') });
      }
    }
  },
});
