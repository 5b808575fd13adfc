package org.leadflow.lead;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadContextTaskListenerTest {

  private final LeadService leads = mock(LeadService.class);
  private final DelegateTask task = mock(DelegateTask.class);
  private final LeadContextTaskListener listener = new LeadContextTaskListener(leads);

  private final Lead fullLead = TestLeads.lead("lead-7")
      .firstName("Ada").lastName("Lovelace").title("CTO").company("Analytical Engines").companySize(120)
      .industry("Manufacturing").region("Berlin").country("DE").productInterest("Lead Routing")
      .email("ada@analytical.io").phone("+4915123456789")
      .source("WEB_FORM").campaign("spring-25").landingPage("/demo").intent(Intent.DEMO_REQUEST)
      .scores(35, 50).recycleCount(1).build();

  private final List<TimelineEntry> timeline = List.of(
      new TimelineEntry(Instant.parse("2025-03-01T09:30:00Z"), "STAGE", "CAPTURED", "system"),
      new TimelineEntry(Instant.parse("2025-03-01T09:31:00Z"), "SCORE", "+20 senior title 'CTO'", "system"),
      new TimelineEntry(Instant.parse("2025-03-01T09:31:00Z"), "SCORE", "+50 demo request", "system"),
      new TimelineEntry(Instant.parse("2025-03-02T14:05:00Z"), "STAGE", "MQL -> RECYCLED: recycled: NOT_NOW", "sam"),
      new TimelineEntry(Instant.parse("2025-03-02T14:05:00Z"), "CALL", "attempt 1", "sam"));

  @BeforeEach
  void givenATaskOfLead7() {
    when(task.getVariable("leadId")).thenReturn("lead-7");
  }

  @Test
  void theFormShowsWhoTheLeadIsAndHowToReachThem() {
    // given
    when(leads.get("lead-7")).thenReturn(fullLead);
    when(leads.timeline("lead-7")).thenReturn(timeline);

    // when
    listener.notify(task);

    // then
    verify(task).setVariableLocal("leadSummary", "Ada Lovelace, CTO, Analytical Engines, 120 employees, "
        + "Manufacturing, Berlin DE, interested in Lead Routing");
    verify(task).setVariableLocal("leadContact", "ada@analytical.io | +4915123456789");
    verify(task).setVariableLocal("leadSource",
        "source WEB_FORM | campaign spring-25 | page /demo | intent DEMO_REQUEST | captured 2025-03-01 09:30 UTC");
    verify(task).setDescription("Ada Lovelace (Analytical Engines), score 85");
  }

  @Test
  void theFormExplainsTheScoreAndTheStageHistoryFromTheTimeline() {
    // given
    when(leads.get("lead-7")).thenReturn(fullLead);
    when(leads.timeline("lead-7")).thenReturn(timeline);

    // when
    listener.notify(task);

    // then
    verify(task).setVariableLocal("leadScoreReasons", "score 85 (fit 35, engagement 50)\n"
        + "2025-03-01 09:31 UTC  +20 senior title 'CTO'\n"
        + "2025-03-01 09:31 UTC  +50 demo request");
    verify(task).setVariableLocal("leadHistory", "2025-03-01 09:30 UTC  CAPTURED\n"
        + "2025-03-02 14:05 UTC  MQL -> RECYCLED: recycled: NOT_NOW\n"
        + "recycled 1 time(s)");
  }

  @Test
  void missingDetailsAreLeftOutRatherThanShownAsNull() {
    // given
    Lead sparse = TestLeads.lead("lead-7").firstName(null).lastName(null).email("kim@startup.io").phone(null)
        .campaign(null).landingPage(null).intent(Intent.NEWSLETTER).scores(0, 5).build();
    when(leads.get("lead-7")).thenReturn(sparse);
    when(leads.timeline("lead-7")).thenReturn(List.of(
        new TimelineEntry(Instant.parse("2025-03-01T09:30:00Z"), "STAGE", "CAPTURED", "system")));

    // when
    listener.notify(task);

    // then
    verify(task).setVariableLocal("leadSummary", "kim@startup.io");
    verify(task).setVariableLocal("leadContact", "kim@startup.io");
    verify(task).setVariableLocal("leadSource", "source WEB_FORM | intent NEWSLETTER | captured 2025-03-01 09:30 UTC");
    verify(task).setVariableLocal("leadHistory", "2025-03-01 09:30 UTC  CAPTURED");
    verify(task).setVariableLocal(eq("leadScoreReasons"), startsWith("score 5 (fit 0, engagement 5)"));
    verify(task).setDescription("kim@startup.io, score 5");
  }
}
