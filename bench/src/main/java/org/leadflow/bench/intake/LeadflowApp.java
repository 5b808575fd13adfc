package org.leadflow.bench.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leadflow.bench.timers.Database;

/**
 * The built app jar as a separate process (profiles {@code demo,mysql}), on loopback, against the bench's
 * database and broker: started, waited for until healthy, asked for its heap through the actuator, its
 * resident memory read from {@code /proc}, and stopped by its pid. The actuator exposes only health and info
 * as shipped; the bench adds {@code metrics} through the environment (configuration, not code).
 */
public final class LeadflowApp implements AutoCloseable {

  private final Process process;
  private final String baseUrl;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  public final long bootMillis;

  private LeadflowApp(Process process, String baseUrl, String user, long bootMillis) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    this.bootMillis = bootMillis;
  }

  public static LeadflowApp start(Path jar, Database database, String bootstrap, int port, List<String> jvmArgs, Path log)
      throws IOException, InterruptedException {
    return start(jar, database, bootstrap, port, jvmArgs, Map.of(), log);
  }

  /** As above, with more environment ({@code extraEnv}: configuration such as a shorter job lock time). */
  public static LeadflowApp start(Path jar, Database database, String bootstrap, int port, List<String> jvmArgs,
      Map<String, String> extraEnv, Path log) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no app jar at " + jar + ": ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPRING_PROFILES_ACTIVE", "demo,mysql");
    env.put("DB_URL", database.url());
    env.put("DB_USER", database.user());
    env.put("DB_PASSWORD", database.password());
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("SERVER_ADDRESS", "127.0.0.1");
    env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,metrics");
    env.putAll(extraEnv);
    long started = System.nanoTime();
    LeadflowApp app = new LeadflowApp(builder.start(), "http://127.0.0.1:" + port, "demo", 0);
    long deadline = started + TimeUnit.MINUTES.toNanos(6);   // 2.5 min seen at load 20 on 2 cores
    while (!app.healthy()) {
      if (!app.process.isAlive() || System.nanoTime() > deadline) {
        app.close();
        throw new IOException("the app did not become healthy (see " + log + ")");
      }
      Thread.sleep(500);   // a process starting, polled from outside
    }
    return new LeadflowApp(app.process, app.baseUrl, "demo", (System.nanoTime() - started) / 1_000_000);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  private boolean healthy() {
    try {
      return get("/actuator/health").path("status").asText().equals("UP");
    } catch (IOException | InterruptedException notYet) {
      return false;
    }
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode());
    }
    return json.readTree(response.body());
  }

  /** POSTs JSON as {@code user} (password = user id, the demo people); the status code. */
  public int post(String path, String user, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** Resident set size and heap in use, in MB (heap: the actuator's {@code jvm.memory.used}, area heap). */
  public Map<String, Object> memory() throws IOException, InterruptedException {
    Map<String, Object> memory = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
        long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
        memory.put(line.startsWith("VmRSS:") ? "rssMb" : "rssPeakMb", Math.round(kilobytes / 102.4) / 10.0);
      }
    }
    memory.put("heapUsedMb", megabytes("/actuator/metrics/jvm.memory.used?tag=area:heap"));
    memory.put("heapCommittedMb", megabytes("/actuator/metrics/jvm.memory.committed?tag=area:heap"));
    memory.put("heapMaxMb", megabytes("/actuator/metrics/jvm.memory.max?tag=area:heap"));
    memory.put("nonHeapUsedMb", megabytes("/actuator/metrics/jvm.memory.used?tag=area:nonheap"));
    return memory;
  }

  private double megabytes(String path) throws IOException, InterruptedException {
    double bytes = get(path).path("measurements").path(0).path("value").asDouble();
    return Math.round(bytes / 1024 / 102.4) / 10.0;
  }

  /** {@code kill -9}: the process ends at once, holding whatever it held (job locks, uncommitted offsets). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM ({@code kill -TERM} of this pid), what a process manager sends for a graceful stop; returns at
   * once (see {@link #awaitExit}).
   */
  public void terminate() {
    process.destroy();
  }

  /** The exit code once the process ended, or null if it still runs after {@code timeout}. */
  public Integer awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();   // SIGTERM to this pid: Spring shuts down gracefully
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
