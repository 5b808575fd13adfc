package org.leadflow.bench.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A standalone Kafka broker for one benchmark run, through the repository's own script
 * (tools/kafka/standalone-broker.sh), in {@code /tmp/leadflow-bench-intake-kafka-<port>} with an empty data
 * directory, so that no record or committed offset of an earlier run reaches the fresh database.
 */
public final class KafkaBroker {

  private final Path script;
  private final Path directory;
  private final int port;

  private KafkaBroker(Path script, Path directory, int port) {
    this.script = script;
    this.directory = directory;
    this.port = port;
  }

  public static KafkaBroker start(Path repo, int port) throws IOException, InterruptedException {
    return start(repo, Path.of("/tmp/leadflow-bench-intake-kafka-" + port), port);
  }

  /** A broker in {@code directory} with an empty data directory. */
  public static KafkaBroker start(Path repo, Path directory, int port) throws IOException, InterruptedException {
    KafkaBroker broker = new KafkaBroker(repo.resolve("tools/kafka/standalone-broker.sh"), directory, port);
    broker.run("stop");   // one left over from an interrupted run
    Path data = broker.directory.resolve("data");
    if (Files.isDirectory(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    broker.run("start", Integer.toString(port));
    return broker;
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  public void stop() throws IOException, InterruptedException {
    run("stop");
  }

  /** Starts the stopped broker again on its data (its topics, records and committed offsets). */
  public void startAgain() throws IOException, InterruptedException {
    run("start", Integer.toString(port));
  }

  private void run(String... arguments) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).inheritIO();
    builder.command().addAll(java.util.List.of(arguments));
    builder.environment().put("KAFKA_DIR", directory.toString());
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IOException("standalone-broker.sh " + String.join(" ", arguments) + " exited with " + exit);
    }
  }
}
