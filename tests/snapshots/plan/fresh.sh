#!/usr/bin/env bash
# threescale-install plan: 3scale API Management 2.8 (profile amp) into project 3scale-apim
# on https://api.crc.testing:6443 as developer.
# Templates: [REPO]/tests/support/fixtures/templates (commit not a git checkout)
# project 3scale-apim does not exist (or developer may not see it): it will be requested
# WILDCARD_DOMAIN=apps.cluster.example.com (from --wildcard-domain)
# RWX_STORAGE_CLASS=ocs-cephfs (the only class whose provisioner (openshift-storage.cephfs.csi.ceph.com) binds ReadWriteMany)
#
# Secrets are read from the environment:
#   THREESCALE_REGISTRY_PASSWORD: the password of 12345|svc-account at registry.redhat.io

set -euo pipefail
THREESCALE_INSTALL=${THREESCALE_INSTALL:-[BIN]}
: "${THREESCALE_REGISTRY_PASSWORD:?set THREESCALE_REGISTRY_PASSWORD to the password of 12345|svc-account at registry.redhat.io}"

# create project 3scale-apim (display name "3Scale API Management")
oc new-project 3scale-apim '--display-name=3Scale API Management' --skip-config-write --request-timeout=60s

# create secret threescale-registry-auth for registry.redhat.io as 12345|svc-account
"$THREESCALE_INSTALL" render pull-secret --registry-server registry.redhat.io --registry-username '12345|svc-account' \
  | oc create -f - -n 3scale-apim --request-timeout=60s

# check that registry.redhat.io lets 12345|svc-account in: the cluster fetches registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 with pull secret threescale-registry-auth (an import in dry-run mode: no image is imported)
oc import-image threescale-install-registry-check --from=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 --confirm --dry-run -n 3scale-apim --request-timeout=60s

# create image streams apicast-gateway
oc create -f - -n 3scale-apim --request-timeout=60s <<'THREESCALE_EOF'
{"apiVersion":"image.openshift.io/v1","items":[{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"annotations":{"openshift.io/display-name":"3scale APIcast API Gateway"},"labels":{"app.kubernetes.io/managed-by":"threescale-install"},"name":"apicast-gateway"},"spec":{"tags":[{"from":{"kind":"ImageStreamTag","name":"2.8.0.GA"},"name":"latest"},{"from":{"kind":"DockerImage","name":"registry.redhat.io/3scale-amp2/apicast-gateway-rhel8:3scale2.8"},"name":"2.8.0.GA"}]}}],"kind":"ImageStreamList"}
THREESCALE_EOF

# create the 20 objects of amp.yml
{ cat <<'THREESCALE_EOF'
WILDCARD_DOMAIN="apps.cluster.example.com"
RWX_STORAGE_CLASS="ocs-cephfs"
THREESCALE_EOF
} | oc process -f [REPO]/tests/support/fixtures/templates/amp/amp.yml --param-file=- -o json -n 3scale-apim --request-timeout=60s \
  | "$THREESCALE_INSTALL" render objects \
  | oc create -f - -n 3scale-apim --request-timeout=60s
