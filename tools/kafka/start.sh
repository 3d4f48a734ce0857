#!/usr/bin/env bash
# Starts a real single-node Apache Kafka broker (KRaft) from Kafka's jars on Maven Central
# (no Docker here), in the background, and returns once it answers metadata requests.
#
# Env knobs (relative paths are taken from the current directory):
#   KAFKA_DATA_DIR         log.dirs                          (default tools/kafka/.run/data)
#   KAFKA_RUN_DIR          pid file, logs, effective config  (default tools/kafka/.run)
#   KAFKA_PORT             client listener port              (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port             (default 9093)
#   KAFKA_ADVERTISED_PORT  port clients are told to use      (default KAFKA_PORT; the fault
#                          suite points it at a TCP proxy it can cut)
#   KAFKA_HEAP             JVM heap flags                    (default -Xms256m -Xmx768m)
#   KAFKA_FRESH=1          wipe the data dir first (tests); otherwise data is kept (local stack)
#   KAFKA_READY_TIMEOUT_MS readiness deadline                (default 60000)
# Stop it with tools/kafka/stop.sh (same KAFKA_RUN_DIR).
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$KAFKA_DIR/../.." && pwd)"

# Absolute paths: the JVM and the effective config must not depend on the caller's cwd.
RUN_DIR="$(realpath -m "${KAFKA_RUN_DIR:-$REPO_ROOT/tools/kafka/.run}")"
DATA_DIR="$(realpath -m "${KAFKA_DATA_DIR:-$RUN_DIR/data}")"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
ADVERTISED_PORT="${KAFKA_ADVERTISED_PORT:-$PORT}"
HEAP="${KAFKA_HEAP:--Xms256m -Xmx768m}"
HOST=127.0.0.1

JARS_DIR="$KAFKA_DIR/jars"
PID_FILE="$RUN_DIR/broker.pid"
PROPS="$RUN_DIR/server.effective.properties"
CLUSTER_ID_FILE="$RUN_DIR/cluster.id"
LOGS_DIR="$RUN_DIR/logs"
OUT_FILE="$RUN_DIR/broker.out"

log() { echo "kafka: $*"; }
die() { echo "kafka: $*" >&2; exit 1; }

# The recorded pid counts only if that process is still our broker (pids get reused).
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

command -v java >/dev/null || die "java not found (Kafka 4.x needs Java 17+)"
command -v node >/dev/null || die "node not found (needed for the readiness check)"
mkdir -p "$RUN_DIR" "$LOGS_DIR"

# Idempotent: a second start while the broker runs is a no-op.
if pid="$(broker_pid)"; then
  log "already running (pid $pid, $(grep -m1 '^advertised.listeners=' "$PROPS" 2>/dev/null | cut -d= -f2-))"
  [[ "${KAFKA_FRESH:-0}" == 1 ]] && log "KAFKA_FRESH=1 ignored: stop the broker first to wipe its data"
  exit 0
fi
rm -f "$PID_FILE"

# Fail clearly instead of letting the JVM die on "Address already in use" (or letting the
# readiness probe talk to some other broker).
for p in "$PORT" "$CONTROLLER_PORT"; do
  if (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then
    die "port $HOST:$p is already in use by another process (set KAFKA_PORT / KAFKA_CONTROLLER_PORT)"
  fi
done

# Jars: fetched once by Maven (cached in ~/.m2), re-copied when pom.xml changes.
bash "$KAFKA_DIR/fetch-jars.sh"

if [[ "${KAFKA_FRESH:-0}" == 1 ]]; then
  # Guard the rm -rf against a mistyped KAFKA_DATA_DIR.
  case "$DATA_DIR" in
    / | "$HOME" | "$REPO_ROOT" | "$KAFKA_DIR") die "refusing to wipe KAFKA_DATA_DIR=$DATA_DIR" ;;
  esac
  rm -rf "$DATA_DIR"
fi
mkdir -p "$DATA_DIR"

# Effective config: the checked-in file minus the keys we override, plus the overrides.
# StorageTool only reads a file, so the formatter and the broker share this one.
{
  grep -vE '^(listeners|advertised\.listeners|controller\.quorum\.voters|log\.dirs)=' "$KAFKA_DIR/server.properties"
  echo
  echo "# Overrides applied by start.sh"
  echo "listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT"
  echo "advertised.listeners=PLAINTEXT://$HOST:$ADVERTISED_PORT"
  echo "controller.quorum.voters=1@$HOST:$CONTROLLER_PORT"
  echo "log.dirs=$DATA_DIR"
} >"$PROPS"

# One cluster id per run dir, so re-formatting (e.g. KAFKA_FRESH=1) keeps the same cluster.
# 16 random bytes in base64url without padding, the form Kafka's Uuid uses (22 chars); made
# here rather than by `StorageTool random-uuid` to save a JVM start. Kafka avoids a leading '-'.
if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
  id="-"
  while [[ "$id" == -* ]]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)"
  done
  echo "$id" >"$CLUSTER_ID_FILE"
fi
CLUSTER_ID="$(cat "$CLUSTER_ID_FILE")"

JAVA_COMMON=(-Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$KAFKA_DIR/log4j2.properties"
  "-Dkafka.logs.dir=$LOGS_DIR"
  -cp "$JARS_DIR/*")

# Format once per data dir. An already formatted one is skipped without starting a JVM
# (~1-2 s); --ignore-formatted keeps the tool itself idempotent too.
if [[ ! -f "$DATA_DIR/meta.properties" ]]; then
  if ! java "${JAVA_COMMON[@]}" kafka.tools.StorageTool format \
    -t "$CLUSTER_ID" -c "$PROPS" --ignore-formatted >"$RUN_DIR/format.out" 2>&1; then
    cat "$RUN_DIR/format.out" >&2
    die "formatting $DATA_DIR failed"
  fi
fi

# setsid + nohup: the broker outlives this script and the terminal or CI step that ran it.
# (setsid does not fork here, so $! is the java process itself.)
started_at="$(date +%s%3N)"
# shellcheck disable=SC2086 # HEAP holds several JVM flags
setsid nohup java $HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
  "${JAVA_COMMON[@]}" kafka.Kafka "$PROPS" >"$OUT_FILE" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$PID_FILE"

if ! node "$KAFKA_DIR/wait-ready.js" --broker "$HOST:$ADVERTISED_PORT" --pid "$pid" \
  --cluster-id "$CLUSTER_ID" --started-at "$started_at"; then
  echo "---- last lines of $OUT_FILE" >&2
  tail -n 20 "$OUT_FILE" >&2 || true
  echo "---- last lines of $LOGS_DIR/server.log" >&2
  tail -n 30 "$LOGS_DIR/server.log" >&2 || true
  # Leave nothing half-started behind: the next start.sh would think it is running.
  KAFKA_RUN_DIR="$RUN_DIR" bash "$KAFKA_DIR/stop.sh" >&2 || true
  die "broker did not become ready"
fi
