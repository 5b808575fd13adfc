package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.leadflow.events.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The default run's own broker: the app starts Apache Kafka (KRaft) in its JVM, creates the topics
 * and consumes from it; when the broker goes away and comes back while the app runs, the app
 * reconnects and no record is lost, including those a channel sent while the broker was down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})   // test last: its settings (no in-process broker, in-memory H2) win
class BrokerRestartIT {

  private static final int PORT = freePort();
  private static final String TOPIC = "leads.captured";

  @Autowired InProcessKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void ownBroker(DynamicPropertyRegistry registry) throws IOException {
    Path data = Files.createTempDirectory("leadflow-broker-it");
    registry.add("lead.kafka.broker.enabled", () -> "true");
    // this context shares the database with the other ITs (Camunda's engine registry and engine REST are
    // JVM-wide, so a second database would answer their REST calls); its relay would ship their events here
    registry.add("lead.kafka.outbox.enabled", () -> "false");
    registry.add("lead.kafka.broker.port", () -> PORT);
    registry.add("lead.kafka.broker.data-dir", data::toString);
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
  }

  @Test
  void leadsSentBeforeDuringAndAfterABrokerRestartAreAllCapturedOnce() {
    String batch = "restart-" + Long.toHexString(System.nanoTime());
    try (KafkaTestClient channel = new KafkaTestClient(broker.bootstrapServers())) {
      // given: the app consumes from its own broker
      for (int i = 0; i < 20; i++) {
        channel.send(TOPIC, null, lead(batch, i));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> leads(batch) == 20);

      // when: the broker stops; the channel keeps sending (its producer buffers), the broker returns
      broker.stop();
      for (int i = 20; i < 40; i++) {
        channel.sendAsync(TOPIC, null, lead(batch, i));
      }
      broker.start();
      channel.flush();
      for (int i = 40; i < 60; i++) {
        channel.send(TOPIC, null, lead(batch, i));
      }
      channel.send(TOPIC, null, lead(batch, 5));   // and a redelivery of an early one

      // then
      await().atMost(Duration.ofSeconds(90)).until(() -> leads(batch) == 60);
      assertThat(jdbc.queryForObject("select count(*) from lead_submission where source = ?", Integer.class, batch))
          .isEqualTo(60);
    }
  }

  private int leads(String batch) {
    return jdbc.queryForObject("select count(*) from lead where source = ?", Integer.class, batch);
  }

  private static String lead(String batch, int i) {
    return """
        {"source":"%s","externalId":"r-%d","intent":"INQUIRY","firstName":"Rae","lastName":"Restart",
         "email":"rae.%s.%d@acme-analytics.io","company":"Acme Analytics","consent":true}"""
        .formatted(batch, i, batch, i);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
