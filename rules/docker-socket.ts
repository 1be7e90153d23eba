// Mounting the container runtime's socket hands the pod control of every container on the node.
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes } from '../src/lint/host-path.js';

const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|podman)\.sock$/;
// upstream: containerd defaults/defaults_windows.go DefaultAddress; Docker's default Windows host npipe:////./pipe/docker_engine
const RUNTIME_PIPE = /^(?:\\\\|\/\/)\.[\\/]pipe[\\/](?:docker_engine|containerd-containerd)$/i;

export default defineRule({
  meta: {
    id: 'docker-socket',
    severity: 'error',
    category: 'security',
    description: 'pod mounts the container runtime socket (docker.sock, containerd.sock, crio.sock, podman.sock, or on Windows the docker_engine or containerd-containerd named pipe)',
    rationale:
      'Whoever can talk to the container runtime socket can start a privileged container with the node\'s root filesystem mounted, so the pod is root on the node whatever its securityContext says. On Windows nodes the runtimes listen on named pipes (\\\\.\\pipe\\docker_engine, \\\\.\\pipe\\containerd-containerd), which a hostPath volume mounts the same way.',
    remediation: 'Remove the hostPath volume; build images with a rootless builder (BuildKit rootless, kaniko) and read container data through the Kubernetes API instead.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { mounted: 'volume "{{volume}}" mounts the container runtime socket {{path}}' },
  },
  check(workload, { report }) {
    for (const volume of hostPathVolumes(workload)) {
      if (RUNTIME_SOCKET.test(volume.hostPath) || RUNTIME_PIPE.test(volume.hostPath)) report({ messageId: 'mounted', data: { volume: volume.name, path: volume.hostPath }, at: volume.at });
    }
  },
});
