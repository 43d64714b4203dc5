#!/usr/bin/env bash
# Elastic Beanstalk prebuild hook: install the locked dependencies with pnpm, build dist/, then
# keep only production dependencies. EB runs it as root in the staging directory before it
# configures the app; because node_modules then exists, EB skips its own `npm install` (which
# would ignore pnpm-lock.yaml). Safe to run again on every deploy and instance launch.
set -euo pipefail

staging=$(/opt/elasticbeanstalk/bin/get-config platformconfig -k AppStagingDir 2>/dev/null || pwd)
cd "$staging"

if ! command -v pnpm >/dev/null 2>&1; then
  npm install --global --no-fund --no-audit pnpm@10
fi

export CI=true
pnpm install --frozen-lockfile --prefer-offline
pnpm build
pnpm prune --prod

# The app runs as webapp; files created by root here must be readable by it.
if id webapp >/dev/null 2>&1; then
  chown -R webapp:webapp node_modules dist
fi
