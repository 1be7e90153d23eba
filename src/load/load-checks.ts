// The findings the loader itself can raise: input that cannot be read or is not Kubernetes.
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule-meta.js';

const inputCheck = (meta: Omit<RuleMeta, 'category' | 'defaultOn'>): RuleMeta => ({ ...meta, category: 'input', defaultOn: true });

export const LOAD_CHECKS = {
  yamlSyntax: inputCheck({
    id: 'yaml-syntax',
    severity: 'error',
    description: 'the file is not valid YAML or JSON as kubectl reads it, or kubectl would drop part of it',
    rationale:
      'kubectl parses manifests with go-yaml v2 and rejects a document that does not parse, and every check after it is blind; what it drops without a word (text after "...", a value JSON cannot hold) never reaches the cluster.',
    remediation: 'Fix the syntax at the reported position; the other documents of the file are still checked.',
  }),
  duplicateKey: inputCheck({
    id: 'duplicate-key',
    severity: 'error',
    description: 'a mapping has the same key twice, or two keys that become one JSON key',
    rationale: 'kubectl apply -f decodes YAML without strict checks and keeps only the last value of a repeated key, so the first one silently never reaches the cluster (its strict field validation sees only what is left: kubernetes/kubernetes#99286, #125885); stricter YAML readers refuse the file. An error, because what the file says is not what is applied. Keys YAML keeps apart but JSON names alike (1, "1" and 1.0) are a warning where their values differ: kubectl converts them in Go\'s random map order and keeps one of the values, not always the same.',
    remediation: 'Remove or merge the repeated key.',
  }),
  fileUnreadable: inputCheck({
    id: 'file-unreadable',
    severity: 'error',
    description: 'an input path does not exist or cannot be read',
    rationale: 'A manifest that is not read is not checked, which must never pass silently.',
    remediation: 'Check the path and the file permissions.',
  }),
  binaryFile: inputCheck({
    id: 'binary-file',
    severity: 'error',
    description: 'the file is binary (it contains NUL bytes)',
    rationale: 'Kubernetes manifests are text; kubectl rejects control characters such as NUL.',
    remediation: 'Remove the file from the inputs, or re-encode it as UTF-8 if it is text in another encoding.',
  }),
  invalidUtf8: inputCheck({
    id: 'invalid-utf8',
    severity: 'warning',
    description: 'the file is not valid UTF-8 (or UTF-16 with a byte order mark) text',
    rationale: 'kubectl reads each invalid byte sequence as U+FFFD and applies the result: text in another encoding (such as Latin-1) silently loses its characters.',
    remediation: 'Re-encode the file as UTF-8.',
  }),
  tooLarge: inputCheck({
    id: 'too-large',
    severity: 'error',
    description: 'the input exceeds a size, document-count, nesting or alias-expansion limit',
    rationale: 'Limits keep a run bounded in time and memory on hostile input such as alias bombs.',
    remediation: 'Split the file, or raise the limit with --max-file-size when the input is trusted.',
  }),
  helmTemplate: inputCheck({
    id: 'helm-template',
    severity: 'error',
    description: 'the file is a Helm template (or another {{ }} or ytt template), not a manifest',
    rationale: 'Template syntax such as {{ .Values.x }} or {{ name }} only becomes Kubernetes YAML after rendering; kubectl rejects the document as it is. A ytt template parses, but its values are ytt\'s comments (name: #@ data.values.name reads as null), so its objects are not the ones ytt renders.',
    remediation: 'Render the chart and pipe it in: helm template RELEASE CHART | kubefit check - (a ytt template: ytt -f DIR | kubefit check -).',
  }),
  helmChart: inputCheck({
    id: 'helm-chart',
    severity: 'warning',
    description: 'a Helm chart is among the inputs: its templates are not checked, as kubefit does not render Helm charts',
    rationale: 'A chart\'s templates only become Kubernetes objects when Helm renders them with its values. Met in a folder or glob that holds the chart\'s Chart.yaml, the templates are reported once for the chart, not once per file, and so are templates named on their own with the chart\'s Chart.yaml above them on disk, as a pre-commit hook passes them (a template in no chart is a helm-template error); a file of the templates folder that holds no Helm action is written by Helm as it is, and is checked.',
    remediation: 'Render the chart and check its output (helm template RELEASE CHART | kubefit check -), for instance in CI; or leave the chart out (an `ignore` path glob in .kubefit.yaml) or turn this check off.',
  }),
  vendoredDependencies: inputCheck({
    id: 'vendored-dependencies',
    severity: 'info',
    description: 'a folder walked holds a Go module\'s vendor folder (vendor/modules.txt), whose files are not checked',
    rationale: 'go mod vendor copies the repository\'s Go dependencies, with their test and example manifests (a client library\'s test Node, the upstream e2e manifests), into vendor/. They are no part of what the repository deploys: checked, they flood the report, and a Node among them would become the scheduling dry-run\'s cluster. The folder is skipped when met below a folder kubefit walks; named itself, it is checked.',
    remediation: 'Nothing to do; to check the vendored files, name the folder (kubefit lint vendor/github.com/example/project).',
  }),
  kustomizeBuild: inputCheck({
    id: 'kustomize-build',
    severity: 'warning',
    description: 'a kustomization names a resource, base, component, patch, configuration or generator file that does not exist, or a folder without a kustomization, holds a patch that does not parse, or does not decode as a Kustomization (an unknown field, a value of the wrong type)',
    rationale: 'kustomize build (and kubectl apply -k) stops at the first path it cannot read, so nothing of the build is deployed. A warning, not an error: some repositories generate such files (helm template > all.yaml, a Makefile\'s image patch) before they build.',
    remediation: 'Correct the path, or add the missing file or the kustomization.yaml of the folder; if a step generates the file before the build, disable the check for that kustomization.',
  }),
  kustomizeRemote: inputCheck({
    id: 'kustomize-remote',
    severity: 'info',
    description: 'a kustomization names a remote resource, base or component (a URL or a git repository), which kubefit does not fetch, or a Helm chart to inflate (helmCharts), which kubefit does not render',
    rationale: 'kustomize build downloads remote targets, and with --enable-helm has Helm pull and render the charts of helmCharts; kubefit never uses the network and renders no chart, so the objects they hold are not checked and the build is checked without them.',
    remediation: 'Render the build and pipe it in (kustomize build --enable-helm DIR | kubefit check -), or vendor the remote base into the repository.',
  }),
  kustomizeGeneratorData: inputCheck({
    id: 'kustomize-generator-data',
    severity: 'info',
    description: 'a file holding Kubernetes objects is the data of a kustomization\'s ConfigMap or Secret generator, so its objects are not checked',
    rationale: 'kustomize build turns a file a configMapGenerator or secretGenerator names (files:, envs:) into the values of the generated object: its objects are never applied as they stand, and kubefit does not check them as cluster objects. Such a file often is a payload applied elsewhere later (a cluster-api ClusterResourceSet, a manifest an operator applies): a run over the repository would otherwise say nothing about it.',
    remediation: 'Check the file on its own (kubefit lint path/to/file.yaml), where it is read as manifests.',
  }),
  kustomizeUnread: inputCheck({
    id: 'kustomize-unread',
    severity: 'info',
    description: 'a kustomization names a local resource, base or component that is not among the checked paths, so its objects are not checked',
    rationale: 'kubefit checks the files it is given and reads a kustomization to know what they become in its build; it does not follow the kustomization out of the checked paths. An overlay checked alone (kubefit lint overlays/prod) is checked without its base: a run that reports no problem may have checked none of the build\'s objects. An entry inside a --context path is not reported (a pre-commit hook passes the staged kustomization and --context .).',
    remediation: 'Check the folder that holds the whole build (kubefit lint . or the base and the overlay together), or render it and pipe it in (kubectl kustomize overlays/prod | kubefit check -).',
  }),
  typeMetaMissing: inputCheck({
    id: 'type-meta-missing',
    severity: 'error',
    description: 'an object (a document with metadata) has a kind but no apiVersion, or an apiVersion but no kind; or an object\'s apiVersion has more than one /',
    rationale: 'kubectl reads apiVersion and kind before anything else and rejects the document ("error validating data: apiVersion not set", "unexpected GroupVersion string: example.com/v1/beta" for an apiVersion that is neither group/version nor version); nothing of it is applied. A document without metadata or without both fields is no object at all (not-kubernetes).',
    remediation: 'Add the missing apiVersion (such as apps/v1) or kind, or write the apiVersion as group/version.',
  }),
  notKubernetes: inputCheck({
    id: 'not-kubernetes',
    severity: 'info',
    description: 'a document has no apiVersion or kind and is skipped',
    rationale: 'Files such as values.yaml or CI configuration often sit beside manifests; they are reported once and skipped.',
    remediation: 'Exclude the file with an ignore path, or add apiVersion and kind if it is a manifest.',
  }),
} as const satisfies Record<string, RuleMeta>;

/** A finding about a whole input (no position inside it): shown at line 1, column 1. */
export function inputFinding(file: string, check: RuleMeta, message: string): Finding {
  return { ruleId: check.id, severity: check.severity, message, file, line: 1, column: 1, endLine: 1, endColumn: 1, object: null, path: null };
}
