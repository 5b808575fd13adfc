package org.leadflow.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.InvalidReason;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;

class QualificationServiceTest {

  private final LeadService leads = mock(LeadService.class);
  private final QualificationService qualification = new QualificationService(leads);

  private static CallVerdict reached(String qualification, Boolean realNeed, String invalidReason,
      String disqualifyReason, String recycleReason) {
    return new CallVerdict("REACHED", qualification, realNeed, "DECISION_MAKER", "THIS_QUARTER", null,
        invalidReason, disqualifyReason, recycleReason, null);
  }

  @Test
  void aSalesReadyVerdictMakesTheLeadAnSqlOwnedByTheSdr() {
    // given
    CallVerdict call = new CallVerdict("REACHED", "SALES_READY", true, "DECISION_MAKER", "THIS_QUARTER",
        "PRICE", null, null, null, "  wants a demo  ");

    // when
    qualification.recordCall("lead-7", 2, call, "sam");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.CALL_ATTEMPT, "REACHED", "PRICE", "sam",
        "attempt 2; verdict SALES_READY; real need yes; authority DECISION_MAKER; timing THIS_QUARTER; wants a demo");
    verify(leads).moveToStage("lead-7", LeadStage.SQL, "sam", "sam",
        "need confirmed; authority DECISION_MAKER, timing THIS_QUARTER");
  }

  @Test
  void unansweredAuthorityAndTimingAreRecordedAsUnknown() {
    // given
    CallVerdict call = new CallVerdict("REACHED", "SALES_READY", true, null, null, null, null, null, null, null);

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).moveToStage("lead-7", LeadStage.SQL, "sam", "sam",
        "need confirmed; authority UNKNOWN, timing UNKNOWN");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(booleans = false)
  void aSalesReadyVerdictWithoutAConfirmedRealNeedIsRejected(Boolean realNeed) {
    // given
    CallVerdict call = reached("SALES_READY", realNeed, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A sales-ready lead needs a confirmed real need (realNeed)");
    verifyNoInteractions(leads);
  }

  @Test
  void anInvalidVerdictMarksTheLeadInvalidWithTheSdrsReason() {
    // given
    CallVerdict call = reached("INVALID", null, "NO_NEED", null, null);

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).recordActivity(any(), any(), any(), any(), any(), any());
    verify(leads).markInvalid("lead-7", InvalidReason.NO_NEED, null, "sam", "SDR verdict");
  }

  @Test
  void anInvalidVerdictWithoutReasonIsRejected() {
    // given
    CallVerdict call = reached("INVALID", null, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalidReason is required");
    verifyNoInteractions(leads);
  }

  @Test
  void anInvalidVerdictWithAnUnknownReasonIsRejectedBeforeTheCallIsLogged() {
    // given
    CallVerdict call = reached("INVALID", null, "BORING", null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(leads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NO_CONSENT", "DISPOSABLE_EMAIL", "UNREACHABLE", "ROLE_EMAIL"})
  void aReasonOnlyTheAutomaticChecksOrTheProcessGiveIsNoSdrVerdict(String reason) {
    // given
    CallVerdict call = reached("INVALID", null, reason, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an SDR verdict");
    verifyNoInteractions(leads);
  }

  @ParameterizedTest
  @EnumSource(value = InvalidReason.class,
      names = {"DUPLICATE", "SPAM", "TEST", "NO_NEED", "WRONG_CONTACT"})
  void everySdrVerdictOfTheTaxonomyIsAccepted(InvalidReason reason) {
    // given
    CallVerdict call = reached("INVALID", null, reason.name(), null, null);

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).markInvalid("lead-7", reason, null, "sam", "SDR verdict");
  }

  @Test
  void theFormOffersExactlyTheSdrVerdictsOfTheTaxonomy() throws Exception {
    // given
    JsonNode form = new ObjectMapper().readTree(Path.of("../forms/sdr-qualify-lead.form").toFile());

    // when
    List<String> offered = form.findParents("key").stream()
        .filter(component -> "invalidReason".equals(component.path("key").asText()))
        .flatMap(component -> component.path("values").findValuesAsText("value").stream())
        .toList();

    // then
    assertThat(offered).containsExactlyInAnyOrderElementsOf(
        InvalidReason.sdrVerdicts().stream().map(Enum::name).toList());
  }

  @Test
  void aDisqualifiedVerdictClosesTheLeadWithTheReasonUnderTheSdr() {
    // given
    CallVerdict call = reached("DISQUALIFIED", null, null, "NO_FIT", null);

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).moveToStage("lead-7", LeadStage.DISQUALIFIED, "sam", "sam", "disqualified: NO_FIT");
  }

  @Test
  void aDisqualifiedVerdictWithoutReasonIsRejected() {
    // given
    CallVerdict call = reached("DISQUALIFIED", null, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disqualifyReason is required");
    verifyNoInteractions(leads);
  }

  @Test
  void aRecycleVerdictIsLoggedWithItsReasonAndLeavesTheStageToTheLifecycle() {
    // given
    CallVerdict call = reached("RECYCLE", null, null, null, "NOT_NOW");

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.CALL_ATTEMPT, "REACHED", null, "sam",
        "attempt 1; verdict RECYCLE; real need no; authority DECISION_MAKER; timing THIS_QUARTER; "
            + "recycle reason NOT_NOW");
    verifyNoMoreInteractions(leads);
  }

  @Test
  void aRecycleVerdictWithoutReasonIsRejected() {
    // given
    CallVerdict call = reached("RECYCLE", null, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recycleReason is required");
    verifyNoInteractions(leads);
  }

  @Test
  void aReachedContactNeedsAVerdict() {
    // given
    CallVerdict call = reached(null, true, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qualification is required");
    verifyNoInteractions(leads);
  }

  @Test
  void anUnknownVerdictIsRejected() {
    // given
    CallVerdict call = reached("MAYBE", true, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown qualification 'MAYBE'");
    verifyNoInteractions(leads);
  }

  @Test
  void aCallWithoutOutcomeIsRejected() {
    // given
    CallVerdict call = new CallVerdict(null, "SALES_READY", true, null, null, null, null, null, null, null);

    // when / then
    assertThatThrownBy(() -> qualification.recordCall("lead-7", 1, call, "sam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callOutcome is required");
    verifyNoInteractions(leads);
  }

  @Test
  void anUnansweredCallOnlyLogsTheAttempt() {
    // given
    CallVerdict call = new CallVerdict("NO_ANSWER", null, null, null, null, null, null, null, null, "voicemail");

    // when
    qualification.recordCall("lead-7", 2, call, "sam");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.CALL_ATTEMPT, "NO_ANSWER", null, "sam",
        "attempt 2; voicemail");
    verifyNoMoreInteractions(leads);
  }

  @Test
  void anUnansweredCallIgnoresVerdictFieldsLeftOverFromTheForm() {
    // given
    CallVerdict call = new CallVerdict("NO_ANSWER", "SALES_READY", false, null, null, null, null, null, null, null);

    // when
    qualification.recordCall("lead-7", 1, call, "sam");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.CALL_ATTEMPT, "NO_ANSWER", null, "sam", "attempt 1");
    verify(leads, never()).moveToStage(anyString(), any(), anyString(), anyString(), anyString());
    verify(leads, never()).markInvalid(anyString(), any(), any(), anyString(), anyString());
  }

  @Test
  void anUnreachableLeadIsInvalidNamingTheAttempts() {
    // when
    qualification.markUnreachable("lead-7", 3, "system");

    // then
    verify(leads).markInvalid("lead-7", InvalidReason.UNREACHABLE, null, "system", "no answer after 3 attempt(s)");
  }
}
