package org.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.leadflow.events.OutboxMapper.PendingEvent;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The outbox SQL on H2 in MySQL mode, with the Flyway migrations of db/migration. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:outbox-mapper;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class OutboxMapperTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00.123Z");

  @Autowired OutboxMapper outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private String insert(String leadId) {
    String eventId = UUID.randomUUID().toString();
    outbox.insert(eventId, "leads.lifecycle", leadId, "LeadCaptured", 1, T0, "{\"eventId\":\"" + eventId + "\"}", T0);
    return eventId;
  }

  @Test
  void pendingRowsComeInIdOrderUntilTheyArePublished() {
    // given
    jdbc.update("delete from lead_event_outbox");
    String first = insert("lead-1");
    String second = insert("lead-2");
    String third = insert("lead-1");

    // when
    List<PendingEvent> pending = outbox.findPending(10);

    // then
    assertThat(pending).extracting(PendingEvent::eventId).containsExactly(first, second, third);
    assertThat(pending.get(0).id()).isLessThan(pending.get(1).id());
    assertThat(pending.get(0).payload()).isEqualTo("{\"eventId\":\"" + first + "\"}");
    assertThat(outbox.findPending(2)).hasSize(2);

    outbox.markPublished(List.of(pending.get(0).id(), pending.get(1).id()), T0.plusSeconds(1));
    assertThat(outbox.findPending(10)).extracting(PendingEvent::eventId).containsExactly(third);
    assertThat(jdbc.queryForObject("select count(*) from lead_event_outbox where published_at is not null",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void theRelayLockIsHeldByOneTransactionAndSkippedByOthers() throws Exception {
    // when this transaction takes it
    assertThat(outbox.tryLock(OutboxRelay.LOCK)).contains(OutboxRelay.LOCK);

    // then another node's transaction does not wait for it but finds nothing
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (ResultSet rows = other.createStatement().executeQuery(
          "select name from lead_outbox_lock where name = '" + OutboxRelay.LOCK + "' for update skip locked")) {
        assertThat(rows.next()).isFalse();
      }
      other.rollback();
    }
  }
}
