package org.leadflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadMapper;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.leadflow.lead.TimelineEntry;
import org.leadflow.scoring.EngagementType;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.TestPropertySource;

/** lead_engagement_event's SQL, and its rows on the lead's timeline, on H2 in MySQL mode with the migrations. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:engagement-mapper;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class EngagementMapperTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Autowired EngagementMapper events;
  @Autowired LeadMapper leads;

  @Test
  void anEventIsStoredOnceByItsId() {
    StoredEngagement event = event(null, "ada@acme.io", EngagementType.CHAT, T0);

    events.insert(event);

    assertThat(events.exists(event.eventId())).isTrue();
    assertThat(events.exists("e-never-sent")).isFalse();
    assertThatThrownBy(() -> events.insert(event)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void pendingEventsOfAnEmailAreAttachedOnce() {
    String email = "grace-" + UUID.randomUUID() + "@navy.mil";
    StoredEngagement later = event(null, email, EngagementType.PAGE_VIEW, T0.plusSeconds(60));
    StoredEngagement earlier = event(null, email, EngagementType.CHAT, T0);
    events.insert(later);
    events.insert(earlier);
    events.insert(event("lead-x", email, EngagementType.CHAT, T0));

    assertThat(events.findPendingByEmail(email)).containsExactly(earlier, later);
    assertThat(events.attach(earlier.eventId(), "lead-1", T0.plusSeconds(120))).isEqualTo(1);
    assertThat(events.attach(earlier.eventId(), "lead-2", T0.plusSeconds(120))).isZero();
    assertThat(events.findPendingByEmail(email)).containsExactly(later);
    assertThat(events.findByLead("lead-1")).extracting(StoredEngagement::attachedAt)
        .containsExactly(T0.plusSeconds(120));
  }

  @Test
  void anAttachedEventIsOnItsLeadsTimelineAtTheTimeItOccurred() {
    Lead lead = stored().email("alan@bletchley.uk").build();
    leads.insert(lead);
    leads.insertStageChange(lead.id(), null, LeadStage.CAPTURED, T0, "mia", null);
    events.insert(new StoredEngagement("e-" + UUID.randomUUID(), lead.id(), null, EngagementType.PRICING_PAGE_VIEW,
        12, T0.minusSeconds(60), T0, "website", "https://acme.io/pricing", T0));
    events.insert(new StoredEngagement("e-quiet", lead.id(), null, EngagementType.EMAIL_OPEN, 1, T0.plusSeconds(5), T0,
        null, null, T0));

    assertThat(leads.timeline(lead.id())).extracting(TimelineEntry::kind, TimelineEntry::actor)
        .containsExactly(tuple("ENGAGEMENT", "contact"),
            tuple("STAGE", "mia"), tuple("ENGAGEMENT", "contact"));
    assertThat(leads.timeline(lead.id()).get(0).summary()).matches(
        "PRICING_PAGE_VIEW \\+12 \\(event e-.* from website\\): https://acme.io/pricing");
    assertThat(leads.timeline(lead.id()).get(2).summary()).isEqualTo("EMAIL_OPEN +1 (event e-quiet)");
  }

  @Test
  void openLeadsOfAnEmailAreFoundForUpdateButClosedOnesAreNot() {
    String email = "hopper-" + UUID.randomUUID() + "@navy.mil";
    Lead open = stored().email(email).build();
    Lead closed = stored().email(email).stage(LeadStage.LOST).build();
    leads.insert(open);
    leads.insert(closed);

    assertThat(leads.findOpenIdsByEmailForUpdate(email)).containsExactly(open.id());
    assertThat(leads.findOpenIdsByEmailForUpdate("nobody@nowhere.io")).isEmpty();
  }

  private static TestLeads stored() {
    String id = UUID.randomUUID().toString();
    return TestLeads.lead(id).externalId("ext-" + id);
  }

  private static StoredEngagement event(String leadId, String email, EngagementType type, Instant occurredAt) {
    return new StoredEngagement("e-" + UUID.randomUUID(), leadId, email, type, 5, occurredAt, T0, null, null,
        leadId == null ? null : T0);
  }
}
