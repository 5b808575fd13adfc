package org.leadflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pushes leads and engagement into a running leadflow through Kafka, as channels would:
 *
 * <pre>
 *   ./mvnw -q -pl bench exec:java -Dexec.args="--leads 1000 --events 5000"
 * </pre>
 *
 * Options: {@code --bootstrap 127.0.0.1:9092}, {@code --leads N}, {@code --events N} (engagement,
 * 10 % of them for contacts not known yet), {@code --duplicates 0.01} (exact re-sends),
 * {@code --poison N} (malformed records, which must end in leads.captured.DLT), {@code --seed N},
 * {@code --measure} (then waits, through {@code GET /api/leads?source=…} at {@code --api
 * http://127.0.0.1:8080} as {@code --user mia:mia}, until every distinct lead is captured, and reports
 * leads/s end to end: produced → committed in the database with its instance at its first wait state).
 * Every run uses its own source names ({@code <channel>-<run>}), so runs never collide.
 */
public final class ProduceDemoTraffic {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> options;
  private final Random random;
  private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
  private final LeadMix mix;

  private ProduceDemoTraffic(Map<String, String> options) {
    this.options = options;
    this.random = new Random(Long.parseLong(options.getOrDefault("seed", "42")));
    this.mix = new LeadMix(random, run);
  }

  public static void main(String[] args) throws Exception {
    new ProduceDemoTraffic(parse(args)).run();
  }

  private void run() throws Exception {
    String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
    int leads = Integer.parseInt(options.getOrDefault("leads", "1000"));
    int events = Integer.parseInt(options.getOrDefault("events", "0"));
    int poison = Integer.parseInt(options.getOrDefault("poison", "0"));
    double duplicates = Double.parseDouble(options.getOrDefault("duplicates", "0.01"));

    List<String> emails = new ArrayList<>();
    int duplicatesSent = 0;
    Instant started = Instant.now();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      List<ObjectNode> sent = new ArrayList<>();
      for (int i = 0; i < leads; i++) {
        ObjectNode lead = mix.lead(i);
        emails.add(lead.path("email").asText());
        send(producer, "leads.captured", LeadMix.key(lead), lead);
        sent.add(lead);
        if (random.nextDouble() < duplicates) {
          ObjectNode again = sent.get(random.nextInt(sent.size()));
          send(producer, "leads.captured", LeadMix.key(again), again);
          duplicatesSent++;
        }
      }
      for (int i = 0; i < poison; i++) {
        producer.send(new ProducerRecord<>("leads.captured", null, LeadMix.poison(i)));
      }
      for (int i = 0; i < events; i++) {
        ObjectNode event = mix.engagement(i, emails.isEmpty() ? null : emails.get(random.nextInt(emails.size())));
        String email = event.path("email").asText();
        send(producer, "leads.engagement", email, event);
      }
      producer.flush();
    }
    Duration producing = Duration.between(started, Instant.now());
    System.out.printf("run %s: produced %d leads (+%d exact duplicates, %d poison) and %d engagement events to %s in %d ms%n",
        run, leads, duplicatesSent, poison, events, bootstrap, producing.toMillis());
    System.out.printf("sources: %s (GET /api/leads?source=web-form-%s ...)%n", String.join(", ", mix.sources()), run);
    if (options.containsKey("measure")) {
      measure(leads, started);
    }
  }

  /** Waits until every distinct lead of this run is in the database with its instance, through the REST API. */
  private void measure(int leads, Instant started) throws IOException, InterruptedException {
    String api = options.getOrDefault("api", "http://127.0.0.1:8080");
    String user = options.getOrDefault("user", "mia:mia");
    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    long captured = 0;
    while (captured < leads && System.nanoTime() < deadline) {
      captured = 0;
      for (String source : mix.sources()) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/leads?size=1&source=" + source))
            .header("Authorization", auth).GET().build();
        JsonNode page = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        captured += page.path("total").asLong();
      }
      if (captured < leads) {
        Thread.sleep(200);   // a CLI polling a server, not a test
      }
    }
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    System.out.printf("captured %d/%d distinct leads in %.1f s: %.1f leads/s end to end (Kafka -> database + engine)%n",
        captured, leads, seconds, captured / seconds);
    if (captured != leads) {
      System.err.println("FAILED: expected exactly " + leads + " distinct leads, found " + captured);
      System.exit(1);
    }
  }

  private void send(KafkaProducer<String, String> producer, String topic, String key, JsonNode value)
      throws IOException {
    producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(value)));
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "leadflow-demo-traffic-" + UUID.randomUUID());
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i] + " (options start with --)");
      }
      String name = args[i].substring(2);
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }
}
