#!/usr/bin/env bash
# Start the Atlas as N Streamlit processes behind nginx, sharing one PostgreSQL, on one machine
# without containers (Debian's nginx and postgresql). Every process runs in the foreground of this
# script; CTRL-C (or the end of the script, or any process dying) stops them all.
#
#   deploy/run-local.sh [-n PROCESSES] [-p PORT]
#
#   -n  number of app processes (default 2; about one per CPU core)
#   -p  port nginx listens on, on 127.0.0.1 (default: a free port); the URL is printed when ready
#   HEALTHTECH_DATABASE_URL  the shared database; when unset, a throwaway PostgreSQL cluster is
#                            started in a temporary directory (deleted on exit)
#   HEALTHTECH_LISTEN        address nginx listens on (default 127.0.0.1)
#   STREAMLIT_SERVER_COOKIE_SECRET  shared by every process (default: a random one per start)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$REPO/.venv/bin/python}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
N=2
PORT=
while getopts "n:p:" opt; do
  case $opt in
    n) N=$OPTARG ;;
    p) PORT=$OPTARG ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for URL SECONDS: until URL answers "ok"
  local deadline=$((SECONDS + $2))
  until [ "$("$PY" -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())" "$1" 2>/dev/null)" = ok ]; do
    [ $SECONDS -lt "$deadline" ] || { echo "run-local: $1 did not answer in $2 s" >&2; return 1; }
    sleep 0.3
  done
}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }  # initdb refuses root

RUN=$(mktemp -d -t atlas-run-XXXXXX)
chmod 755 "$RUN"                     # nginx started by root runs its workers as 'nobody'
PIDS=()        # nginx and the app processes
PGPID=
APP_PORTS=
stop() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PGPID" ]; then kill -INT "$PGPID" 2>/dev/null || true; wait "$PGPID" 2>/dev/null || true; fi  # fast shutdown
  rm -rf "$RUN"
}
trap stop EXIT
trap 'exit 130' INT TERM

# 1. PostgreSQL (unless a database is given)
if [ -z "${HEALTHTECH_DATABASE_URL:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=$(free_port)
  mkdir "$RUN/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$RUN/pg"
  as_postgres "$PGBIN/initdb" -D "$RUN/pg/data" -U atlas -A trust -E UTF8 --no-locale >"$RUN/pg/initdb.log"
  PGARGS=(-D "$RUN/pg/data" -c listen_addresses=127.0.0.1 -p "$PGPORT" -k "$RUN/pg")
  if [ "$(id -u)" = 0 ]; then   # a simple command, so that $! is postgres itself
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$PGBIN/postgres" "${PGARGS[@]}" >"$RUN/pg/postgres.log" 2>&1 &
  else
    "$PGBIN/postgres" "${PGARGS[@]}" >"$RUN/pg/postgres.log" 2>&1 &
  fi
  PGPID=$!
  until "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; do sleep 0.2; done
  export HEALTHTECH_DATABASE_URL="postgresql+psycopg://atlas@127.0.0.1:$PGPORT/postgres"
  echo "run-local: PostgreSQL on 127.0.0.1:$PGPORT (throwaway, in $RUN/pg)"
fi

# 2. The app processes, one shared cookie secret (sign-in cookies are valid on every process)
export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}
export STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
SERVERS=
for i in $(seq 1 "$N"); do
  p=$(free_port)
  (cd "$REPO" && exec "$PY" -m streamlit run serve.py --server.address 127.0.0.1 --server.port "$p" \
    --server.headless true --server.fileWatcherType none) >"$RUN/app-$i.log" 2>&1 &
  PIDS+=($!)
  SERVERS+="        server 127.0.0.1:$p max_fails=2 fail_timeout=10s;"$'\n'
  APP_PORTS+=" $p"
done
for p in $APP_PORTS; do wait_for "http://127.0.0.1:$p/_stcore/health" 90; done
echo "run-local: app processes at$(printf ' http://127.0.0.1:%s' $APP_PORTS)"

# 3. nginx in front
PORT=${PORT:-$(free_port)}
LISTEN="${HEALTHTECH_LISTEN:-127.0.0.1}:$PORT"
"$PY" - "$REPO/deploy/nginx.conf.template" "$RUN/nginx.conf" "$RUN" "$LISTEN" "$SERVERS" <<'PYEOF'
import sys
template, target, run_dir, listen, servers = sys.argv[1:]
text = open(template).read().replace("__DIR__", run_dir).replace("__LISTEN__", listen)
open(target, "w").write(text.replace("__SERVERS__", servers.rstrip("\n")))
PYEOF
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/error.log"
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/error.log" -g 'daemon off;' &
PIDS+=($!)
wait_for "http://127.0.0.1:$PORT/_stcore/health" 30
echo "run-local: $N app processes behind nginx; ready at http://$LISTEN  (logs in $RUN; CTRL-C stops all)"

# 4. Until CTRL-C, or until any process ends (then everything stops)
wait -n "${PIDS[@]}" $PGPID
echo "run-local: a process ended; stopping the others" >&2
exit 1
