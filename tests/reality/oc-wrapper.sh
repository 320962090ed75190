#!/bin/sh
# The reality tier's `oc`: appends this call's argv to $OC_ARGV_LOG, then execs the real oc
# ($OC_REAL) with the same arguments, stdin, stdout and stderr. stdin is never read or logged.
#
# A record is the argument count and then each argument, every field ended by a NUL byte
# ("2\0get\0pods\0"), so empty arguments and newlines survive. The record is one printf into an
# O_APPEND file: calls from parallel oc processes do not interleave.
if [ -n "${OC_ARGV_LOG:-}" ]; then
  printf '%s\0' "$#" "$@" >>"$OC_ARGV_LOG" || echo "oc-wrapper: cannot write $OC_ARGV_LOG" >&2
fi
if [ -z "${OC_REAL:-}" ]; then
  echo "oc-wrapper: OC_REAL is not set: it names the real oc" >&2
  exit 127
fi
exec "$OC_REAL" "$@"
