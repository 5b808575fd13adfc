package org.leadflow.events;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.leadflow.config.KafkaTopicsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Apache Kafka's own KRaft broker (broker and controller in one node) inside this JVM, for the
 * default run: nothing to install, data kept in {@code lead.kafka.broker.data-dir} across restarts.
 * It boots on its own thread while the engine starts; {@link #start()} (an early lifecycle phase,
 * before any listener container) waits for it and fails the start-up if it could not come up (for
 * example when the port is taken). Production profiles run a real cluster instead.
 */
public class InProcessKafkaBroker implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String LISTENER = "PLAINTEXT";
  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private final KafkaTopicsProperties.Broker settings;
  private final int partitions;
  private volatile CompletableFuture<KafkaRaftServer> server;
  private volatile boolean running;

  public InProcessKafkaBroker(KafkaTopicsProperties properties) {
    this.settings = properties.broker();
    this.partitions = properties.partitions();
    if (settings.port() <= 0) {
      throw new IllegalArgumentException("lead.kafka.broker.port must be a fixed port, got " + settings.port());
    }
    boot();
  }

  /** Begins booting the broker on its own thread; {@link #start()} waits for it. */
  private void boot() {
    server = CompletableFuture.supplyAsync(this::startServer, runnable -> {
      Thread thread = new Thread(runnable, "kafka-broker-boot");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** {@code 127.0.0.1:port}, what clients use as bootstrap servers. */
  public String bootstrapServers() {
    return "127.0.0.1:" + settings.port();
  }

  private KafkaRaftServer startServer() {
    long started = System.nanoTime();
    Path dataDir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
    int controllerPort = settings.controllerPort() > 0 ? settings.controllerPort() : freePort();
    KafkaConfig config = new KafkaConfig(brokerProperties(dataDir, controllerPort), false);
    format(config, dataDir);
    KafkaRaftServer raft = new KafkaRaftServer(config, Time.SYSTEM);
    raft.startup();
    log.info("Kafka broker (KRaft, in process) listening on {} in {} ms, data in {}", bootstrapServers(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir);
    return raft;
  }

  private Properties brokerProperties(Path dataDir, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", LISTENER + "://127.0.0.1:" + settings.port() + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + settings.port());
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", LISTENER);
    p.put("listener.security.protocol.map", LISTENER + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("log.dirs", dataDir.toString());
    p.put("num.partitions", String.valueOf(partitions));
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");   // topics come from the app's declarations
    p.put("log.retention.hours", "168");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.cleaner.enable", "false");
    return p;
  }

  /** First start: writes meta.properties; later starts keep the existing data. */
  private static void format(KafkaConfig config, Path dataDir) {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER)
          .setMetadataLogDirectory(dataDir.toString())
          .setDirectories(List.of(dataDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format the Kafka log directory " + dataDir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the Kafka controller", e);
    }
  }

  /** Waits for the broker; fails the application start-up if it did not come up. */
  @Override
  public void start() {
    if (server == null) {
      boot();
    }
    try {
      server.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      running = true;
    } catch (ExecutionException e) {
      throw new IllegalStateException("The in-process Kafka broker did not start on " + bootstrapServers()
          + " (is the port taken? set KAFKA_PORT, or lead.kafka.broker.enabled=false and KAFKA_BOOTSTRAP_SERVERS)",
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The in-process Kafka broker did not start within " + START_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the Kafka broker started", e);
    }
  }

  /** Shuts the broker down (after the listeners and producers stopped: it starts first, stops last). */
  @Override
  public void stop() {
    CompletableFuture<KafkaRaftServer> current = server;
    server = null;
    running = false;
    if (current == null) {
      return;
    }
    KafkaRaftServer raft;
    try {
      raft = current.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);   // still booting: let it finish, then stop it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | TimeoutException e) {
      return;   // it never came up
    }
    raft.shutdown();
    raft.awaitShutdown();
    log.info("Kafka broker on {} stopped", bootstrapServers());
  }

  /** Also when the start-up failed before the lifecycle started: the broker's threads must not keep the JVM alive. */
  @Override
  public void destroy() {
    stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Early: before Kafka listener containers and producers (which stop before it). */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
