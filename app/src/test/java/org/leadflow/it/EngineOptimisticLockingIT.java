package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.leadflow.process.LeadLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine still notices a concurrent change when Connector/J rewrites its JDBC batches
 * ({@code rewriteBatchedStatements}, MySqlConnectionDefaults): an update batch of four or more statements
 * goes as one multi-statement packet, and the engine needs each statement's row count to see that one of
 * them matched no row. Only on MySQL/MariaDB ({@code -Pmysql}); H2 has no rewriting.
 */
class EngineOptimisticLockingIT extends IntegrationTestBase {

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aRewrittenUpdateBatchThatLosesARaceFailsWithOptimisticLockingAndChangesNothing() throws Exception {
    String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
    assumeTrue(url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"), "rewriting is Connector/J's");
    // given: a lead's lifecycle instance with four variables of this test
    String tag = unique();
    String leadId = capture(submission("INQUIRY", tag));
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).singleResult().getId();
    Map<String, Object> four = new LinkedHashMap<>();
    for (String name : new String[] {"olA", "olB", "olC", "olD"}) {
      four.put(name, "start-" + tag);
    }
    runtime.setVariables(instance, four);
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String loser = "loser-" + tag;
    Map<String, Object> all = new LinkedHashMap<>();
    four.keySet().forEach(name -> all.put(name, loser));

    // when: transaction A changes olA and holds its row while B, which read the old revisions, writes all four
    CompletableFuture<Void> b = own.execute(status -> {
      runtime.setVariable(instance, "olA", "winner-" + tag);
      CompletableFuture<Void> started = CompletableFuture.runAsync(() -> runtime.setVariables(instance, all));
      // B's batch is on the wire (its reads are done): it waits for A's row lock, or finds it changed
      await().atMost(Duration.ofSeconds(30)).until(() -> started.isDone() || jdbc.queryForObject(
          "select count(*) from information_schema.processlist where info like ?", Integer.class,
          "%" + loser + "%") > 0);
      return started;
    });

    // then: B failed as a lost race (not as "batching not supported"), and none of its four writes stayed
    assertThatThrownBy(() -> b.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(OptimisticLockingException.class);
    assertThat(runtime.getVariables(instance, four.keySet())).containsOnly(
        Map.entry("olA", "winner-" + tag), Map.entry("olB", "start-" + tag), Map.entry("olC", "start-" + tag),
        Map.entry("olD", "start-" + tag));
  }
}
