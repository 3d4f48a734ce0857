#!/usr/bin/env bash
# Stops the broker started by start.sh: only the pid recorded in its run dir, never by name.
# SIGTERM gives a controlled shutdown (logs flushed and closed, so the next start needs no
# recovery); SIGKILL only if it is still alive after 30 s. Exits 0 if nothing was running.
#
# Env: KAFKA_RUN_DIR (default tools/kafka/.run), as for start.sh.
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$KAFKA_DIR/../.." && pwd)"
RUN_DIR="$(realpath -m "${KAFKA_RUN_DIR:-$REPO_ROOT/tools/kafka/.run}")"
PID_FILE="$RUN_DIR/broker.pid"
STOP_TIMEOUT_S=30

log() { echo "kafka: $*"; }

if [[ ! -f "$PID_FILE" ]]; then
  log "not running (no $PID_FILE)"
  exit 0
fi
pid="$(cat "$PID_FILE")"

# Signal the recorded pid only while it is still a Kafka broker: after a crash or reboot
# the number may belong to an unrelated process by now.
is_broker() { kill -0 "$pid" 2>/dev/null && grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null; }

if [[ ! "$pid" =~ ^[0-9]+$ ]] || ! is_broker; then
  log "not running (stale pid file removed)"
  rm -f "$PID_FILE"
  exit 0
fi

kill -TERM "$pid"
deadline=$((SECONDS + STOP_TIMEOUT_S))
while is_broker && ((SECONDS < deadline)); do
  sleep 0.2
done

if is_broker; then
  log "pid $pid still alive after ${STOP_TIMEOUT_S} s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  # Bounded: an exited but not yet reaped process (zombie) would still answer kill -0.
  for _ in $(seq 50); do is_broker || break; sleep 0.1; done
fi
rm -f "$PID_FILE"
log "stopped (pid $pid)"
