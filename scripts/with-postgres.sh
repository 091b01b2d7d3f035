#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server, for the tests that run tallySql's PostgreSQL
# query for real (test/sql/engines.test.ts):
#   bash scripts/with-postgres.sh npm test
#
# - Installs Debian's `postgresql` with apt-get when no /usr/lib/postgresql/*/bin/initdb exists (needs
#   root, as in CI, or sudo).
# - Creates a cluster with initdb in a new temporary directory, owned by an unprivileged user
#   (PostgreSQL refuses to run as root: as root, the cluster belongs to `nobody`; otherwise to the
#   current user), and starts it with pg_ctl listening on a Unix socket in that directory only (no TCP).
# - Runs the command with NPSKIT_PG_SOCKET set to the socket directory (user `postgres`, database
#   `postgres`, no password) and exits with the command's status.
# - Stops the server and removes the directory afterwards, whether the command passed, failed or was
#   interrupted.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-postgres.sh <command> [arguments...]" >&2
  exit 2
fi

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

BIN=$(find_bin)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "postgresql: not installed; installing Debian's postgresql" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BIN=$(find_bin)
  if [ -z "$BIN" ]; then
    echo "postgresql: installed, but no initdb and pg_ctl under /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

# As root, run the server as `nobody`; as any other user, as that user.
if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u nobody -- "$@"; }
  OWNER=nobody
else
  as_owner() { "$@"; }
  OWNER=$(id -un)
fi

# In /tmp, not $TMPDIR: the server user must reach it, and a socket path must stay short (107 bytes).
DIR=$(mktemp -d /tmp/npskit-pg.XXXXXX)
STARTED=0
cleanup() {
  if [ "$STARTED" -eq 1 ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 700 "$DIR"
if [ "$OWNER" = nobody ]; then chown nobody "$DIR"; fi
as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}
STARTED=1
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}
echo "postgresql: $("$BIN/postgres" --version | sed 's/^postgres //') running as $OWNER on a Unix socket in $DIR" >&2

export NPSKIT_PG_SOCKET="$DIR"
# The command runs in the background, in a process group of its own, so that an interrupt stops it
# (with everything it started) and then the server at once: bash runs traps only between commands,
# and `wait` is interrupted by them.
setsid "$@" &
CHILD=$!
trap 'kill -TERM -- "-$CHILD" 2>/dev/null; wait "$CHILD"; exit 130' INT
trap 'kill -TERM -- "-$CHILD" 2>/dev/null; wait "$CHILD"; exit 143' TERM
set +e
wait "$CHILD"
STATUS=$?
set -e
exit "$STATUS"
