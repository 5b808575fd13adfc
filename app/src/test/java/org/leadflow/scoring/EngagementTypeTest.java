package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngagementTypeTest {

  @ParameterizedTest
  @EnumSource(EngagementType.class)
  void everyTypeRoundTripsThroughItsRuleId(EngagementType type) {
    assertThat(type.ruleId()).isEqualTo("EVENT_" + type.name());
    assertThat(EngagementType.ofRuleId(type.ruleId())).contains(type);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "EVENT_", "EVENT_SMOKE_SIGNAL", "PAGE_VIEW", "RESUBMISSION_INQUIRY", "event_chat"})
  void anythingElseIsNoEngagementEvent(String engagementType) {
    assertThat(EngagementType.ofRuleId(engagementType)).isEmpty();
  }

  @Test
  void theDescriptionIsTheNameInWords() {
    assertThat(EngagementType.PRICING_PAGE_VIEW.description()).isEqualTo("pricing page view");
  }
}
