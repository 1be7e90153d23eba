// What `kubefit init` writes: a commented .kubefit.yaml that is valid as it stands, and stays valid when the `#` of
// any commented example is removed (a key with every entry commented out configures nothing).

export const STARTER_CONFIG_FILE = '.kubefit.yaml';

export const STARTER_CONFIG = `# kubefit configuration: https://github.com/kubefit/kubefit/blob/main/docs/integrations.md
# Editors complete and check this file with the schema below (YAML language server).
# yaml-language-server: $schema=https://raw.githubusercontent.com/kubefit/kubefit/main/schemas/kubefit-config.schema.json

# Rule severities: error, warning, info, or off. \`kubefit rules\` lists every rule and its default.
rules:
#  latest-tag: error
#  liveness-probe: off

# Files to skip (path globs), and findings to drop for objects you cannot annotate.
ignore:
#  - "vendor/**"
#  - rule: latest-tag
#    kind: Deployment
#    name: "legacy-*"

# Nodes and the Pods bound to them, for the scheduling dry-run, with the storage objects for the volume checks
# (kubectl get nodes,pods,pvc,pv,storageclass,csinode -A -o yaml > cluster.yaml).
cluster:
#  - cluster.yaml

# Folders with JSON Schemas for custom resources.
schemas:
#  - crds/

# The Kubernetes release to check against (quote it: YAML reads 1.30 as 1.3).
# kubernetesVersion: "1.34"

# The lowest severity that fails the run (exit code 1): error, warning, info or none.
failOn: error

# Rule settings for some files only, applied after \`rules\`.
overrides:
#  - files: ["test/**"]
#    rules:
#      latest-tag: off
`;
