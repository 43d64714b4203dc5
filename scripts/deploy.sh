#!/usr/bin/env bash
# scripts/deploy.sh staging        build the bundle from HEAD, deploy it to chatx-staging, smoke-test it
# scripts/deploy.sh prod [LABEL]   promote the version that passed staging's smoke test to chatx-prod
#
# Prod never gets a fresh build: it gets the application version (same zip, same label) that
# staging ran and smoke-tested, via `eb deploy --version`. The smoke base URLs default to the
# environments' CNAMEs; set SMOKE_BASE_URL_STAGING / SMOKE_BASE_URL_PROD for custom domains.
set -euo pipefail

stage=${1:-}
case "$stage" in
  staging | prod) ;;
  *)
    echo "usage: scripts/deploy.sh staging | prod [LABEL]" >&2
    exit 2
    ;;
esac
cd "$(git rev-parse --show-toplevel)"

env_name="chatx-$stage"
passed=.deploy/staging-passed

if [ "$stage" = prod ]; then
  staged=$(cat "$passed" 2>/dev/null || true)
  label=${2:-$staged}
  if [ -z "$staged" ] || [ "$label" != "$staged" ]; then
    echo "deploy: refusing prod: '${label:-<none>}' has not passed staging's smoke test (last passed: '${staged:-<none>}')" >&2
    exit 1
  fi
fi
command -v eb >/dev/null 2>&1 || { echo "deploy: needs the EB CLI on PATH (see README, 'Deploying')" >&2; exit 2; }

cname() {
  eb status "$1" | awk -F': ' '/CNAME/ { print $2 }'
}

if [ "$stage" = staging ]; then
  if [ -n "$(git status --porcelain)" ]; then
    echo "deploy: commit or stash your changes first; a deploy ships a commit" >&2
    exit 1
  fi
  pnpm bundle
  label=$(cat build/bundle-label.txt)
  eb deploy "$env_name" --label "$label" --timeout 30
  base=${SMOKE_BASE_URL_STAGING:-https://$(cname "$env_name")}
  pnpm smoke --base-url "$base"
  mkdir -p .deploy
  echo "$label" > "$passed"
  echo "deploy: $label passed staging; promote it with: scripts/deploy.sh prod"
else
  eb deploy "$env_name" --version "$label" --timeout 30
  base=${SMOKE_BASE_URL_PROD:-https://$(cname "$env_name")}
  pnpm smoke --base-url "$base"
  echo "deploy: $label is live in prod"
fi
