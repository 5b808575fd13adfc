package org.leadflow.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The {@code kafka} component of {@code /actuator/health}: UP when the brokers answer a cluster description
 * within {@value #TIMEOUT_MS} ms (details: cluster id and broker count), DOWN otherwise. One admin client,
 * made on the first check and kept, so a health probe every few seconds opens no new connections.
 */
@Component("kafka")
class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  static final int TIMEOUT_MS = 3_000;

  private final KafkaAdmin admin;
  private AdminClient client;

  KafkaBrokerHealthIndicator(KafkaAdmin admin) {
    super("Kafka health check failed");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    Collection<Node> nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    builder.up().withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .withDetail("brokers", nodes.size());
  }

  private synchronized AdminClient client() {
    if (client == null) {
      Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "leadflow-health");
      client = AdminClient.create(config);
    }
    return client;
  }

  @Override
  public synchronized void destroy() {
    if (client != null) {
      client.close(Duration.ofSeconds(1));
      client = null;
    }
  }
}
