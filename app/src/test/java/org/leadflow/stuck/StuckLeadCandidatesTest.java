package org.leadflow.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.stuck.StuckLeadMapper.Candidate;
import org.leadflow.stuck.StuckLeadMapper.Threshold;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The scan's query on H2 in MySQL mode with the real migrations: each stage (each funnel position) is
 * held to its own limit, so many leads within a long limit never fill the batch ahead of stuck ones.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:stuck-candidates;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class StuckLeadCandidatesTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

  @Autowired StuckLeadMapper mapper;
  @Autowired JdbcTemplate jdbc;

  @Test
  void leadsWithinTheirOwnLongLimitDoNotCrowdTheStuckOnesOutOfTheBatch() {
    for (int i = 0; i < 5; i++) {
      lead("NURTURING", null, days(30 + i));        // limit 180 days: not stuck, and older than the rest
    }
    String mql = lead("MQL", null, days(5));         // limit 3 days: stuck
    String top = lead("OPPORTUNITY", "TOP", days(20)); // limit 14 days, never moved: stuck
    String middle = lead("OPPORTUNITY", "MIDDLE", days(40));
    positionChange(middle, "MIDDLE", days(2));       // moved to MIDDLE two days ago: not stuck
    String justAtLimit = lead("SQL", null, days(4)); // limit 4 days, exactly at it: not stuck yet

    List<Candidate> candidates = mapper.findCandidates(List.of(
        threshold("NURTURING", null, 180), threshold("MQL", null, 3), threshold("SQL", null, 4),
        threshold("OPPORTUNITY", "TOP", 14), threshold("OPPORTUNITY", "MIDDLE", 21)), 2);

    assertThat(candidates).extracting(Candidate::leadId).containsExactly(top, mql);
    assertThat(candidates).extracting(Candidate::leadId).doesNotContain(middle, justAtLimit);
    assertThat(candidates.get(0).funnelPosition()).isEqualTo("TOP");
  }

  private static Instant days(int ago) {
    return NOW.minus(Duration.ofDays(ago));
  }

  private static Threshold threshold(String stage, String position, int limitDays) {
    return new Threshold(stage, position, NOW.minus(Duration.ofDays(limitDays)));
  }

  private String lead(String stage, String position, Instant since) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into lead (id, source, external_id, intent, consent, captured_at, stage, stage_changed_at,"
        + " funnel_position, updated_at) values (?, 'web-form', ?, 'CONTENT_DOWNLOAD', true, ?, ?, ?, ?, ?)",
        id, id, Timestamp.from(since), stage, Timestamp.from(since), position, Timestamp.from(since));
    return id;
  }

  private void positionChange(String leadId, String position, Instant at) {
    mapper.insertPositionChange(leadId, position, at);
  }
}
