#!/usr/bin/env bash
# The GitHub Action's command line (action.yml): inputs arrive as KUBEFIT_* variables, paths split on whitespace
# without glob expansion, so that kubefit expands the patterns itself.
set -euo pipefail
set -f

args=(check --format "${KUBEFIT_FORMAT:-github}")
# without fail-on, the config file (or the default, error) decides
if [ -n "${KUBEFIT_FAIL_ON:-}" ]; then args+=(--fail-on "$KUBEFIT_FAIL_ON"); fi
for cluster in ${KUBEFIT_CLUSTER:-}; do args+=(--cluster "$cluster"); done
if [ -n "${KUBEFIT_OUTPUT:-}" ]; then args+=(--output "$KUBEFIT_OUTPUT"); fi
args+=(--)
for path in ${KUBEFIT_PATHS:-.}; do args+=("$path"); done

exec kubefit "${args[@]}"
