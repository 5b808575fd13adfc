package org.leadflow.bench.tasklist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.leadflow.bench.timers.Database;

/**
 * The app as users run it: the built jar with profiles {@code demo,mysql} against the benchmark's
 * database, and a standalone Kafka broker ({@code tools/kafka/standalone-broker.sh}) on loopback ports of
 * its own, as {@code .ci/run}'s Kafka smoke test starts them. Both are child processes stopped by their
 * pid; logs go to {@code /tmp/leadflow-bench-<name>-<broker port>-*.log} (name: tasklist, or the caller's), so that two
 * runs of one harness on different ports (two people, or two worktrees) neither share a broker directory nor a log.
 */
public final class AppUnderTest implements AutoCloseable {


  private final Path repo;
  private final int kafkaPort;
  private final String name;
  private final Path appLog;
  private final Path kafkaDir;
  private Process app;
  private boolean brokerStarted;

  private AppUnderTest(Path repo, int kafkaPort, String name) {
    this.repo = repo;
    this.kafkaPort = kafkaPort;
    this.name = name;
    String prefix = "/tmp/leadflow-bench-" + name + "-" + kafkaPort;
    this.appLog = Path.of(prefix + "-app.log");
    this.kafkaDir = Path.of(prefix + "-kafka");
  }

  public String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** Starts a fresh broker, then the app, and waits until the app reports UP. */
  public static AppUnderTest start(Path repo, Database database, int kafkaPort, int appPort) throws Exception {
    return start("tasklist", repo, database, kafkaPort, appPort);
  }

  /** As {@link #start(Path, Database, int, int)}, logs and broker directory named after {@code name}. */
  public static AppUnderTest start(String name, Path repo, Database database, int kafkaPort, int appPort)
      throws Exception {
    AppUnderTest started = new AppUnderTest(repo, kafkaPort, name);
    try {
      started.startBroker();
      started.startApp(database, appPort);
      return started;
    } catch (Exception e) {
      started.close();
      throw e;
    }
  }

  private void startBroker() throws IOException, InterruptedException {
    deleteRecursively(kafkaDir.resolve("data"));   // a kept log would hand this run an earlier run's records
    int exit = broker("start", Integer.toString(kafkaPort));
    if (exit != 0) {
      throw new IOException("the Kafka broker did not start (exit " + exit + "), see " + kafkaDir);
    }
    brokerStarted = true;
  }

  private int broker(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash",
        repo.resolve("tools/kafka/standalone-broker.sh").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("/tmp/leadflow-bench-" + name + "-" + kafkaPort + "-broker.log").toFile()));
    builder.environment().put("KAFKA_DIR", kafkaDir.toString());
    return builder.start().waitFor();
  }

  private void startApp(Database database, int appPort) throws Exception {
    Path jar = repo.resolve("app/target/leadflow-app-0.1.0-SNAPSHOT.jar");
    if (!Files.isReadable(jar)) {
      throw new IOException(jar + " is missing: ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests");
    }
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(appLog.toFile());
    builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "demo,mysql", "DB_URL", database.url(),
        "DB_USER", database.user(), "DB_PASSWORD", database.password(), "KAFKA_BOOTSTRAP_SERVERS", bootstrap(),
        "SERVER_PORT", Integer.toString(appPort)));
    app = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();   // a migration may backfill a big database
    while (System.nanoTime() < deadline && app.isAlive()) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);   // a harness waiting for a server it started
    }
    throw new IOException("the app did not come up, see " + appLog);
  }

  @Override
  public void close() throws Exception {
    if (app != null) {
      app.destroy();   // SIGTERM to the pid we started
      app.waitFor();
    }
    if (brokerStarted) {
      broker("stop");
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
