#!/usr/bin/env bash
# Copies Kafka's jars (and the log4j2 binding) from Maven Central into tools/kafka/jars.
# Maven caches them in ~/.m2, so only the first run on a machine downloads anything. The copy
# is redone when pom.xml changed since the last one, so a version bump never leaves a mix of
# old and new jars on the classpath.
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JARS_DIR="$KAFKA_DIR/jars"
POM_SUM="$(sha256sum "$KAFKA_DIR/pom.xml" | cut -d' ' -f1)"

if [[ -f "$JARS_DIR/.pom.sha256" && "$(cat "$JARS_DIR/.pom.sha256")" == "$POM_SUM" ]] \
  && compgen -G "$JARS_DIR/*.jar" >/dev/null; then
  exit 0
fi
command -v mvn >/dev/null || { echo "kafka: mvn not found: it fetches Kafka's jars from Maven Central" >&2; exit 1; }
echo "kafka: fetching Kafka jars with Maven (first time only) ..."
rm -rf "$JARS_DIR"
out="$(mktemp)"
# Output kept in a file (Debian's mvn prints stray colour codes even with -B -q), shown on failure.
if ! mvn -B -q -f "$KAFKA_DIR/pom.xml" dependency:copy-dependencies >"$out" 2>&1; then
  cat "$out" >&2
  rm -f "$out"
  echo "kafka: Maven could not fetch Kafka's jars (see above)" >&2
  exit 1
fi
rm -f "$out"
echo "$POM_SUM" >"$JARS_DIR/.pom.sha256"
