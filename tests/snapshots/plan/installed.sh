#!/usr/bin/env bash
# threescale-install plan: 3scale API Management 2.8 (profile amp) into project 3scale-apim
# on https://api.crc.testing:6443 as developer.
# Templates: [REPO]/tests/support/fixtures/templates (commit not a git checkout)
# 3scale is installed in project 3scale-apim: every object of profile amp exists
# WILDCARD_DOMAIN=apps.cluster.example.com (from --wildcard-domain)
#
# Nothing to change: 3scale is already installed in project 3scale-apim.
