#!/usr/bin/env bash
# Runs the store contract, the killed-import check and the API subset on PostgreSQL 15 + PostGIS (and the store
# suite on SQLite beside it): installs the Debian packages if missing, starts a cluster, creates the role and the
# database if missing, and stops the cluster again on exit if this script started it.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_VERSION=15
PG_CLUSTER=main
PG_ROLE=rawan
PG_PASSWORD=rawan
PG_DB=rawan_test

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

need_pkgs=()
dpkg -s "postgresql-${PG_VERSION}" >/dev/null 2>&1 || need_pkgs+=("postgresql-${PG_VERSION}")
dpkg -s "postgresql-${PG_VERSION}-postgis-3" >/dev/null 2>&1 || need_pkgs+=("postgresql-${PG_VERSION}-postgis-3")
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  echo "==> apt-get install ${need_pkgs[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} ${PG_CLUSTER}"; then
  echo "==> pg_createcluster ${PG_VERSION} ${PG_CLUSTER}"
  $SUDO pg_createcluster "${PG_VERSION}" "${PG_CLUSTER}" >/dev/null
fi

started=0
if ! pg_lsclusters -h | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" '$1 == v && $2 == c {print $4}' | grep -q online; then
  echo "==> pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start"
  $SUDO pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start
  started=1
fi
stop_cluster() {
  if [ "$started" = "1" ]; then
    echo "==> pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} stop"
    $SUDO pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" stop || true
  fi
}
trap stop_cluster EXIT

PG_PORT="$(pg_lsclusters -h | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" '$1 == v && $2 == c {print $3}')"

for _ in $(seq 1 30); do
  as_postgres psql -p "${PG_PORT}" -tAc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done

# Superuser so the tests may install PostGIS and create scratch databases (the killed-import test needs one).
if [ "$(as_postgres psql -p "${PG_PORT}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${PG_ROLE}'")" != "1" ]; then
  echo "==> create role ${PG_ROLE}"
  as_postgres psql -p "${PG_PORT}" -qc "CREATE ROLE ${PG_ROLE} LOGIN PASSWORD '${PG_PASSWORD}' SUPERUSER"
fi
if [ "$(as_postgres psql -p "${PG_PORT}" -tAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" != "1" ]; then
  echo "==> create database ${PG_DB}"
  as_postgres createdb -p "${PG_PORT}" -O "${PG_ROLE}" "${PG_DB}"
fi

export RAWAN_TEST_DATABASE_URL="postgres://${PG_ROLE}:${PG_PASSWORD}@localhost:${PG_PORT}/${PG_DB}"
echo "==> PostgreSQL tests against ${RAWAN_TEST_DATABASE_URL%%:*}://…@localhost:${PG_PORT}/${PG_DB}"
npx vitest run test/server/store test/server/api-postgres.test.ts
echo "==> the whole API test suite again, on PostgreSQL (RAWAN_TEST_STORE=postgres)"
RAWAN_TEST_STORE=postgres npx vitest run test/server --exclude 'test/server/analysis/**' --exclude 'test/server/store/**'

echo "==> PostgreSQL tests passed"
