#!/usr/bin/env bash
# Starts one Affluents server node on the given port against the local PostgreSQL and Redis, to try two
# nodes behind HAProxy on one machine:
#
#   npx turbo run build
#   infra/scripts/start-node.sh 3001            # wait until it answers /api/health (it runs the migrations)
#   infra/scripts/start-node.sh 3002
#   SERVER_A=127.0.0.1:3001 SERVER_B=127.0.0.1:3002 haproxy -f infra/haproxy/haproxy.cfg
#   open http://localhost:8080
#
# Both nodes share the database `affluents` (created if missing; DATABASE_URL overrides) and Redis, which
# carries presence and fan-out between them. Any variable of .env.example may be set in front of the script.
set -euo pipefail

PORT="${1:-${PORT:-3001}}"
cd "$(dirname "$0")/../.."

if [[ ! -f server/dist/main.js ]]; then
  echo "server/dist/main.js is missing: run 'npx turbo run build' first" >&2
  exit 1
fi

if [[ -z ${DATABASE_URL:-} ]]; then
  db=affluents
  if ! psql -h 127.0.0.1 -U postgres -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    # The other node may create it at the same moment: only fail if it is still missing afterwards.
    createdb -h 127.0.0.1 -U postgres "$db" 2>/dev/null ||
      psql -h 127.0.0.1 -U postgres -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
fi

export PORT
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:8080}"
# The load balancer's origin and the node's own, so the node can also be used directly.
export ALLOWED_ORIGINS="${ALLOWED_ORIGINS:-$PUBLIC_URL,http://localhost:$PORT}"
# One proxy hop (HAProxy): rate limits and logs see the browser's address from X-Forwarded-For.
export TRUST_PROXY="${TRUST_PROXY:-1}"
export NODE_ENV="${NODE_ENV:-development}"

shown_db=$(sed -E 's#//([^:/@]+):[^@]*@#//\1:***@#' <<<"$DATABASE_URL")
echo "[affluents] node on port $PORT: DATABASE_URL=$shown_db REDIS_URL=$REDIS_URL PUBLIC_URL=$PUBLIC_URL"
exec node server/dist/main.js
