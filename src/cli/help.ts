// The text of `kubefit --help`.
import { FORMAT_NAMES } from '../report/formatters/load-formatter.js';

export function helpText(version: string): string {
  return `kubefit ${version} — are your Kubernetes manifests valid, sane and schedulable?

Usage
  kubefit [check] [paths...]   schema validation + lint rules + scheduling dry-run (default)
  kubefit lint [paths...]      schema validation + lint rules, no scheduling
  kubefit fit [paths...]       scheduling dry-run only
  kubefit rules                list every check with its id, severity and description (the
                               configuration's custom rules and rulesDirs modules too)
  kubefit explain RULE         full documentation of one check
  kubefit init                 write a commented starter .kubefit.yaml here

Paths are files, directories (searched for *.yaml, *.yml, *.json), glob patterns, or - for
standard input. With no path, the current directory is checked.

Options
  -c, --config FILE            config file (default: the nearest .kubefit.yaml, .kubefit.yml
                               or kubefit.config.json from here upward)
  --cluster PATH               Nodes and the Pods bound to them, e.g. the output of
                               kubectl get nodes,pods -A -o yaml (repeatable); add
                               pvc,pv,storageclass,csinode for the volume checks
  --context PATH               manifests cross-object rules and custom resources (their CRDs)
                               should see but that are not checked, e.g. --context . when a
                               hook passes only the changed files;
                               parsed once and cached per user until they change (repeatable)
  -f, --format FORMAT          ${FORMAT_NAMES.join(', ')} (default text)
  -o, --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL              error, warning, info or none (default error)
  -q, --quiet                  text format: only what fails the run (errors, or down to --fail-on)
                               and unschedulable workloads
  --schemas DIR                JSON Schemas for custom resources in kubeconform's layout
                               ({kind}_{version}.json or {group}/{kind}_{version}.json) (repeatable)
  --kubernetes-version X.Y     check against that release, 1.27 to 1.36 (default 1.36)
  --strict-kinds               custom resources without a schema are errors, not infos
  --drain NODE                 what-if: remove NODE before placing replicas (repeatable)
  --capacity                   also show how many more replicas of each workload fit, and
                               the room every node has left after placement
  --all-nodes                  list every node in scheduling results (by default above 100
                               nodes they are grouped by identical verdict)
  --scheduler-config FILE      a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1):
                               each pod runs the profile its spec.schedulerName names
  --max-file-size BYTES        skip larger files with an error (default 32Mi;
                               256Mi for --cluster files)
  --color, --no-color          force colors on or off (default: on a terminal only;
                               NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                   show this help
  -v, --version                show the version

lint takes no --drain, --capacity, --all-nodes or --scheduler-config; fit no --context,
--schemas or --strict-kinds; rules --format and --config; explain --config; init no option.

Exit codes
  0  no finding at or above --fail-on, and every workload fully schedulable
  1  findings at or above --fail-on, or an unschedulable replica
  2  usage error, no input found, or an internal error
`;
}
