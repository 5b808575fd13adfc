#!/usr/bin/env bash
# A real, standalone Apache Kafka broker process (KRaft, one node) without Docker or a download of
# Kafka's distribution: the broker jars come from Maven Central through the Maven wrapper.
#
#   tools/kafka/standalone-broker.sh start [PORT]   # default 29092; data in $KAFKA_DIR (default /tmp/leadflow-kafka)
#   tools/kafka/standalone-broker.sh stop
#
# The bootstrap address is 127.0.0.1:PORT; the pid is in $KAFKA_DIR/broker.pid, the log in $KAFKA_DIR/broker.log.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly KAFKA_DIR="${KAFKA_DIR:-/tmp/leadflow-kafka}"
readonly KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"

start() {
  local port="${1:-29092}" controller=$(( ${1:-29092} + 1 ))
  mkdir -p "$KAFKA_DIR"
  if [[ -f "$KAFKA_DIR/broker.pid" ]] && kill -0 "$(cat "$KAFKA_DIR/broker.pid")" 2>/dev/null; then
    echo "broker already running (pid $(cat "$KAFKA_DIR/broker.pid"))"; return 0
  fi
  if [[ ! -s "$KAFKA_DIR/classpath" ]]; then
    # a throw-away pom that depends on the broker: Maven resolves it and its dependencies
    cat > "$KAFKA_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>org.leadflow.tools</groupId><artifactId>kafka-broker</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
    sh "$REPO_ROOT/mvnw" -q -B -ntp -f "$KAFKA_DIR/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$KAFKA_DIR/classpath" >/dev/null
  fi
  cat > "$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controller}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_DIR}/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat > "$KAFKA_DIR/log4j.properties" <<'LOG'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
LOG
  local cp; cp="$(cat "$KAFKA_DIR/classpath")"
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
      -c "$KAFKA_DIR/server.properties" >/dev/null
  fi
  nohup java -Xmx512m -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" -cp "$cp" kafka.Kafka \
    "$KAFKA_DIR/server.properties" > "$KAFKA_DIR/broker.log" 2>&1 &
  echo $! > "$KAFKA_DIR/broker.pid"
  local waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; do
    if (( waited >= 60 )) || ! kill -0 "$(cat "$KAFKA_DIR/broker.pid")" 2>/dev/null; then
      tail -n 30 "$KAFKA_DIR/broker.log"; echo "Kafka broker did not start" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "Kafka broker (standalone, KRaft) on 127.0.0.1:${port}, pid $(cat "$KAFKA_DIR/broker.pid"), after ~${waited}s"
}

stop() {
  [[ -f "$KAFKA_DIR/broker.pid" ]] || { echo "no broker pid file"; return 0; }
  local pid; pid="$(cat "$KAFKA_DIR/broker.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$KAFKA_DIR/broker.pid"
  echo "Kafka broker stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
