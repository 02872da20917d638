#!/usr/bin/env bash
# Make the PostgreSQL tests runnable: Debian's postgresql server package and psycopg 3 in the venv.
#
#   scripts/ensure-postgres.sh [VENV]      (default VENV: .venv beside this folder)
#
# Installs nothing that is already there. The tests start their own private server
# (initdb into a temporary folder, 127.0.0.1 only); a cluster that the package's
# install starts by itself is stopped again, so nothing is left listening.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.venv}"

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends postgresql
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _; do
      $sudo pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
    done
  fi
fi

if ! "$venv/bin/python" -c "import psycopg" 2>/dev/null; then
  "$venv/bin/pip" install -q "psycopg[binary]>=3.1,<4"
fi
