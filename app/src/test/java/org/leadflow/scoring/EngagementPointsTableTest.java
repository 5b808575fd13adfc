package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadflow.lead.Intent;
import org.leadflow.rules.DecisionTableTest;
import org.leadflow.rules.RuleDecision;

/** The deployed engagement-points table ({@code processes/engagement-points.dmn}); every rule row is hit by a test here. */
@Deployment(resources = "processes/engagement-points.dmn")
class EngagementPointsTableTest extends DecisionTableTest {

  private RuleDecision points(String kind, String type) {
    return evaluate("engagement-points", Map.of("kind", kind, "type", type));
  }

  @ParameterizedTest
  @CsvSource({"DEMO_REQUEST, 50", "INQUIRY, 30", "EVENT_SIGNUP, 20", "CONTENT_DOWNLOAD, 10", "NEWSLETTER, 5"})
  void intentsEarnTheirPoints(Intent intent, int points) {
    assertThat(points("INTENT", intent.name()).single().integer("points")).isEqualTo(points);
  }

  @ParameterizedTest
  @CsvSource({"PAGE_VIEW, 2", "EMAIL_OPEN, 1", "EMAIL_CLICK, 3", "CONTENT_DOWNLOAD, 8", "FORM_SUBMIT, 10", "CHAT, 10",
      "PRICING_PAGE_VIEW, 12", "WEBINAR_ATTENDED, 15"})
  void eventsEarnTheirPoints(EngagementType type, int points) {
    RuleDecision decision = points("EVENT", type.name());
    assertThat(decision.single().integer("points")).isEqualTo(points);
    assertThat(decision.single().annotation()).contains(type.name());
  }

  @ParameterizedTest
  @EnumSource(Intent.class)
  void everyIntentHasExactlyOneRow(Intent intent) {
    assertThat(points("INTENT", intent.name()).matches()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(EngagementType.class)
  void everyEventTypeHasExactlyOneRow(EngagementType type) {
    assertThat(points("EVENT", type.name()).matches()).hasSize(1);
  }

  @Test
  void anUnknownTypeMatchesNoRow() {
    assertThat(points("EVENT", "SMOKE_SIGNAL").matches()).isEmpty();
  }
}
