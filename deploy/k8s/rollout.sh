#!/usr/bin/env bash
# Roll out one release: delete the last migration Job (Job templates are
# immutable), apply everything with the release's image, wait for the migration,
# then for each Deployment. The new pods wait in their init containers until the
# schema is migrated; the old ones serve until the new ones are ready.
#   deploy/k8s/rollout.sh <namespace> <image>
#   e.g. deploy/k8s/rollout.sh screening 123456789012.dkr.ecr.eu-west-1.amazonaws.com/applicant-screening:2026.12.1
set -euo pipefail
namespace=$1
image=$2
here=$(cd "$(dirname "$0")" && pwd)
rendered=$(kubectl kustomize "$here")
rendered=${rendered//image: applicant-screening:latest/image: $image}
kubectl -n "$namespace" delete job screening-migrate --ignore-not-found --wait=true
printf '%s\n' "$rendered" | kubectl -n "$namespace" apply -f -
if ! kubectl -n "$namespace" wait --for=condition=complete job/screening-migrate --timeout=30m; then
    kubectl -n "$namespace" logs job/screening-migrate --tail=50 || true
    exit 1
fi
for deployment in screening-web screening-worker-extraction screening-worker-screening screening-beat; do
    kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=20m
done
