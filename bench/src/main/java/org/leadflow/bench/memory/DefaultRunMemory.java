package org.leadflow.bench.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.bench.BenchRun;
import org.leadflow.bench.LeadMix;

/**
 * Resident memory of the default run (README's run command: H2, the in-process Kafka broker, Camunda
 * webapps, demo users), measured the way a user starts it:
 *
 * <pre>
 *   ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests -Dmodeler.skip=true   # once, so the run below only starts
 *   ./mvnw -q -pl bench compile exec:java@memory -Dexec.args="--label shipped"
 *   ./mvnw -q -pl bench compile exec:java@memory -Dexec.args="--label g1-512 --jvm-args '-Xmx512m'"
 * </pre>
 *
 * One run: {@code ./mvnw -o -q -pl app -am spring-boot:run -Dmodeler.skip=true} from the repository (with
 * {@code -Dspring-boot.run.jvmArguments=…} only when {@code --jvm-args} is given, else app/pom.xml's as
 * shipped), a fresh {@code LEADFLOW_DATA_DIR} under /tmp and its own {@code SERVER_PORT}/{@code KAFKA_PORT};
 * {@code --env K=V,…} adds environment (Maven passes it on to the app's JVM; app/pom.xml's own
 * {@code environmentVariables} for the run, such as {@code MALLOC_ARENA_MAX}, win). When the app is healthy:
 * {@code --leads 1500} leads through {@code POST /api/leads} as {@code mia} from {@code --threads 4} threads
 * ({@link LeadMix}; leads/s of this drive is reported), 1 % of them sent again through another source (an
 * attach to the open lead), and one engagement event per three leads on {@code leads.engagement} of the
 * in-process broker. Then {@code --settle 60} s of quiet, then {@code --samples 6} readings 5 s apart of the
 * app JVM's (Maven's java child, not Maven) {@code VmRSS} from /proc and the Prometheus endpoint's heap,
 * metaspace, code cache and live threads (as {@code demo}); the last reading is reported, with the highest
 * RSS of the samples and VmHWM. Last, {@code jcmd GC.run} and the heap in use after it (the live set: how
 * much heap the app really needs). With {@code -XX:NativeMemoryTracking=summary} among the JVM args the
 * {@code jcmd VM.native_memory summary} is written beside the log. The app is stopped by its pid.
 */
public final class DefaultRunMemory {

  private static final Pattern METRIC = Pattern.compile("^([a-z_]+)\\{([^}]*)\\} ([0-9.eE+-]+)$");

  private final Map<String, String> options;
  private final Path repo = BenchRun.repo();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String label;
  private final int serverPort = freePort();
  private final int kafkaPort = freePort();
  private final Path dataDir;
  private final Path log;

  private DefaultRunMemory(Map<String, String> options) throws IOException {
    this.options = options;
    this.label = options.get("label");
    this.dataDir = Path.of("/tmp", "leadflow-bench-memory-" + label + "-" + ProcessHandle.current().pid());
    Path target = repo.resolve("bench/target");
    Files.createDirectories(target);
    this.log = target.resolve("memory-" + label + ".log");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String[] option : new String[][] {{"label", "run"}, {"jvm-args", ""}, {"env", ""}, {"leads", "1500"},
        {"threads", "4"}, {"settle", "60"}, {"samples", "6"}}) {
      defaults.put(option[0], option[1]);
    }
    new DefaultRunMemory(BenchRun.options(defaults, args)).run();
  }

  private void run() throws Exception {
    deleteTree(dataDir);
    List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-o", "-q", "-pl", "app", "-am",
        "spring-boot:run", "-Dmodeler.skip=true"));
    String jvmArgs = options.get("jvm-args").isBlank() ? null : options.get("jvm-args");
    if (jvmArgs != null) {
      command.add("-Dspring-boot.run.jvmArguments=" + jvmArgs);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SERVER_PORT", Integer.toString(serverPort));
    env.put("KAFKA_PORT", Integer.toString(kafkaPort));
    env.put("LEADFLOW_DATA_DIR", dataDir.toString());
    for (String pair : options.get("env").split(",")) {
      if (pair.contains("=")) {
        String[] kv = pair.split("=", 2);
        if (kv[1].isEmpty()) {
          env.remove(kv[0]);
        } else {
          env.put(kv[0], kv[1]);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("label", label);
    result.put("jvmArgs", jvmArgs == null ? "(app/pom.xml as shipped)" : jvmArgs);
    result.put("env", options.get("env"));
    result.put("startedAt", Instant.now().toString());
    result.put("loadAverageAtStart", loadAverage());
    long started = System.nanoTime();
    Process maven = builder.start();
    ProcessHandle app = null;
    try {
      app = awaitApp(maven);
      result.put("appPid", app.pid());
      result.put("appCommand", commandLine(app).replaceAll(" -cp \\S+", " -cp …"));
      awaitHealthy(maven);
      result.put("bootSeconds", round1((System.nanoTime() - started) / 1e9));
      result.put("rssAfterBootMb", rssMb(app.pid(), "VmRSS:"));
      double cpuBefore = cpuSeconds(app.pid());
      double gcBefore = gcPauseSeconds();
      result.putAll(drive());
      // wall-clock leads/s depends on what else runs on the machine; the app's CPU per lead much less
      result.put("appCpuMsPerLead", Math.round((cpuSeconds(app.pid()) - cpuBefore) * 1000 / (int) result.get("leads")));
      result.put("gcPauseSecondsDuringDrive", Math.round((gcPauseSeconds() - gcBefore) * 100) / 100.0);
      Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(options.get("settle"))));   // the app settles
      int samples = Integer.parseInt(options.get("samples"));
      double highest = 0;
      Map<String, Object> last = Map.of();
      for (int i = 0; i < samples; i++) {
        if (i > 0) {
          Thread.sleep(5000);   // readings 5 s apart
        }
        last = reading(app.pid());
        highest = Math.max(highest, (double) last.get("rssMb"));
      }
      result.putAll(last);
      result.put("rssHighestOfSamplesMb", highest);
      result.put("rssPeakVmHwmMb", rssMb(app.pid(), "VmHWM:"));
      if (jvmArgs != null && jvmArgs.contains("NativeMemoryTracking")) {
        Path nmt = log.resolveSibling("memory-" + label + "-nmt.txt");
        Files.writeString(nmt, jcmd(app.pid(), "VM.native_memory", "summary"));
        result.put("nativeMemorySummary", nmt.toString());
      }
      jcmd(app.pid(), "GC.run");
      result.put("heapUsedAfterFullGcMb", metrics().getOrDefault("heapUsed", -1.0));
      result.put("loadAverageAtEnd", loadAverage());
    } finally {
      stop(app, maven);
      deleteTree(dataDir);
    }
    result.forEach((key, value) -> System.out.printf("  %-28s %s%n", key, value));
    BenchRun.writeResults("memory-" + label, result);
  }

  /** The app's JVM: the java child of Maven whose command line runs LeadflowApplication. */
  private ProcessHandle awaitApp(Process maven) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!maven.isAlive()) {
        throw new IOException("Maven ended before the app started (see " + log + ")");
      }
      Optional<ProcessHandle> app = maven.descendants()
          .filter(p -> commandLine(p).contains("org.leadflow.LeadflowApplication"))
          .findFirst();
      if (app.isPresent()) {
        return app.get();
      }
      Thread.sleep(500);   // Maven is building the reactor, polled from outside
    }
    throw new IOException("no app JVM under Maven after 5 min (see " + log + ")");
  }

  /** From /proc: {@code ProcessHandle.Info} cuts the long class path of Maven's fork short. */
  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ').trim();
    } catch (IOException gone) {
      return "";
    }
  }

  private void awaitHealthy(Process maven) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!maven.isAlive()) {
        throw new IOException("the app ended during start-up (see " + log + ")");
      }
      try {
        if (send("GET", "/actuator/health", null, null).body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);   // a process starting, polled from outside
    }
    throw new IOException("the app did not become healthy in 5 min (see " + log + ")");
  }

  /** The leads through REST and the engagement through Kafka; leads/s of the REST drive. */
  private Map<String, Object> drive() throws Exception {
    int leads = Integer.parseInt(options.get("leads"));
    int threads = Integer.parseInt(options.get("threads"));
    Random random = new Random(42);
    LeadMix mix = new LeadMix(random, Long.toString(System.currentTimeMillis() % 1_000_000, 36));
    List<ObjectNode> all = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      all.add(mix.lead(i));
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger resent = new AtomicInteger();
    Properties producerProperties = new Properties();
    producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
    producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          Random own = new Random(next.get() * 31L + Thread.currentThread().getId());
          for (int i = next.getAndIncrement(); i < leads; i = next.getAndIncrement()) {
            ObjectNode lead = all.get(i);
            int status = send("POST", "/api/leads", "mia", mix.toJson(lead)).statusCode();
            if (status != 201 && status != 400) {   // 400: the LeadMix's leads without consent
              failed.incrementAndGet();
            }
            if (own.nextInt(100) == 0) {   // the same person again through another channel: attached to the open lead
              ObjectNode again = lead.deepCopy().put("source", "event-resend").put("externalId", "again-" + i);
              if (send("POST", "/api/leads", "mia", mix.toJson(again)).statusCode() == 200) {
                resent.incrementAndGet();
              }
            }
            if (i % 3 == 0) {
              ObjectNode event = mix.engagement(i, lead.path("email").asText());
              producer.send(new ProducerRecord<>("leads.engagement", event.path("email").asText(), mix.toJson(event)));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      producer.flush();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> drive = new LinkedHashMap<>();
    drive.put("leads", leads);
    drive.put("leadsFailed", failed.get());
    drive.put("leadsSentAgainAttached", resent.get());
    drive.put("engagementEvents", (leads + 2) / 3);
    drive.put("driveSeconds", round1(seconds));
    drive.put("leadsPerSecond", round1(leads / seconds));
    return drive;
  }

  private Map<String, Object> reading(long pid) throws IOException, InterruptedException {
    Map<String, Object> reading = new LinkedHashMap<>();
    reading.put("rssMb", rssMb(pid, "VmRSS:"));
    Map<String, Double> metrics = metrics();
    reading.put("heapUsedMb", metrics.getOrDefault("heapUsed", -1.0));
    reading.put("heapCommittedMb", metrics.getOrDefault("heapCommitted", -1.0));
    reading.put("heapMaxMb", metrics.getOrDefault("heapMax", -1.0));
    reading.put("metaspaceUsedMb", metrics.getOrDefault("Metaspace", -1.0));
    reading.put("compressedClassSpaceUsedMb", metrics.getOrDefault("Compressed Class Space", -1.0));
    reading.put("codeCacheUsedMb", round1(metrics.entrySet().stream().filter(e -> e.getKey().startsWith("CodeHeap") || e.getKey().equals("CodeCache"))
        .mapToDouble(Map.Entry::getValue).sum()));
    reading.put("threadsLive", metrics.getOrDefault("threads", -1.0));
    return reading;
  }

  /** From {@code /actuator/prometheus} as demo: heap used/committed/max, non-heap pools used, live threads (MB). */
  private Map<String, Double> metrics() throws IOException, InterruptedException {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : send("GET", "/actuator/prometheus", "demo", null).body().split("\n")) {
      Matcher m = METRIC.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1);
      String labels = m.group(2);
      double value = Double.parseDouble(m.group(3));
      if (name.equals("jvm_threads_live_threads")) {
        values.put("threads", value);
      } else if (name.startsWith("jvm_memory_") && name.endsWith("_bytes")) {
        String kind = name.substring("jvm_memory_".length(), name.length() - "_bytes".length());
        double mb = value / 1024 / 1024;
        if (labels.contains("area=\"heap\"")) {
          String key = "heap" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
          values.merge(key, mb, (a, b) -> a < 0 || b < 0 ? -1 : a + b);   // max of a pool is -1: undefined
        } else if (kind.equals("used")) {
          Matcher id = Pattern.compile("id=\"([^\"]*)\"").matcher(labels);
          if (id.find()) {
            values.put(id.group(1), mb);
          }
        }
      }
    }
    values.replaceAll((k, v) -> k.equals("threads") ? v : round1(v));
    return values;
  }

  private HttpResponse<String> send(String method, String path, String user, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
        .timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** User + system CPU of the process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  /** Sum of {@code jvm_gc_pause_seconds_sum} over collectors and causes. */
  private double gcPauseSeconds() throws IOException, InterruptedException {
    double sum = 0;
    for (String line : send("GET", "/actuator/prometheus", "demo", null).body().split("\n")) {
      if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static double rssMb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return round1(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
      }
    }
    return -1;
  }

  private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid)));
    args.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** SIGTERM to the app's pid (graceful shutdown), then Maven ends by itself; forcibly after 60 s. */
  private static void stop(ProcessHandle app, Process maven) throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      try {
        app.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception stillAlive) {
        app.destroyForcibly();
      }
    }
    if (!maven.waitFor(30, TimeUnit.SECONDS)) {
      maven.destroyForcibly();
      maven.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
