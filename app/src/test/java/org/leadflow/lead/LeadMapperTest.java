package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.TestPropertySource;

/** The lead tables' SQL on H2 in MySQL mode, with the Flyway migrations of db/migration. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:lead-mapper;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class LeadMapperTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Autowired LeadMapper leads;

  @Test
  void storesAndReadsEveryFieldOfALead() {
    Lead lead = lead("ada@acme.io", "+49301234567", T0);

    leads.insert(lead);

    assertThat(leads.findById(lead.id())).contains(lead);
  }

  @Test
  void theValidityVerdictKeepsItsRuleAndDetail() {
    Lead lead = lead("eve@mailinator.com", null, T0);
    leads.insert(lead);
    String rule = "lead-validity:v12/Rule_DisposableEmail";

    leads.updateValidity(lead.id(), false, "DISPOSABLE_EMAIL", null, rule, "disposable email domain mailinator.com",
        T0.plusSeconds(1));

    assertThat(leads.findById(lead.id())).hasValueSatisfying(stored -> {
      assertThat(stored.valid()).isFalse();
      assertThat(stored.invalidReason()).isEqualTo("DISPOSABLE_EMAIL");
      assertThat(stored.validityRule()).isEqualTo(rule);
      assertThat(stored.invalidDetail()).isEqualTo("disposable email domain mailinator.com");
    });
  }

  @Test
  void openLeadsAreFoundByEmailOrPhoneButNotClosedOnesOrTheLeadItself() {
    Lead open = lead("grace@navy.mil", "+12025550123", T0);
    Lead closed = lead("grace@navy.mil", null, T0.minusSeconds(60));
    leads.insert(open);
    leads.insert(closed);
    leads.updateStage(closed.id(), LeadStage.WON, "leo", T0);

    assertThat(leads.findOpenByContact("grace@navy.mil", null, "")).extracting(Lead::id).containsExactly(open.id());
    assertThat(leads.findOpenByContact(null, "+12025550123", "")).extracting(Lead::id).containsExactly(open.id());
    assertThat(leads.findOpenByContact("grace@navy.mil", "+12025550123", open.id())).isEmpty();
    assertThat(leads.findOpenByContact(null, null, "")).isEmpty();
  }

  @Test
  void timelineMergesEveryRecordInTimeOrderWithReadableSummaries() {
    Lead lead = lead("alan@bletchley.uk", null, T0);
    leads.insert(lead);
    leads.insertStageChange(lead.id(), null, LeadStage.CAPTURED, T0, "mia", null);
    leads.insertStageChange(lead.id(), LeadStage.CAPTURED, LeadStage.MQL, T0.plusSeconds(5), "system", "hand-raiser");
    leads.insertActivity(lead.id(), "CALL_ATTEMPT", "REACHED", "TOO_EXPENSIVE", "sam", T0.plusSeconds(10), "attempt 1");

    assertThat(leads.timeline(lead.id())).extracting(TimelineEntry::summary).containsExactly(
        "- -> CAPTURED", "CAPTURED -> MQL: hand-raiser", "REACHED objection TOO_EXPENSIVE: attempt 1");
  }

  private static Lead lead(String email, String phone, Instant capturedAt) {
    Instant at = capturedAt.truncatedTo(ChronoUnit.MILLIS);
    return new Lead(UUID.randomUUID().toString(), "web-form", UUID.randomUUID().toString(), "spring", "/demo",
        Intent.INQUIRY, "Ada", "Lovelace", email, phone, "Acme", "CTO", 250, "Software", "DE", "Berlin",
        "Analytics", true, at, new BigDecimal("12.50"), LeadStage.CAPTURED, at, null, 40, 30, true, null, null, 0,
        null, null, null, null, null, at, null, null);
  }
}
