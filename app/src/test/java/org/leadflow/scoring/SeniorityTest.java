package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeniorityTest {

  @ParameterizedTest
  @CsvSource({"CEO, C_LEVEL", "chief revenue officer, C_LEVEL", "Co-Founder, C_LEVEL", "Owner, C_LEVEL",
      "VP Marketing, VP", "Vice President Sales, VP", "SVP Engineering, VP", "Managing Director, DIRECTOR",
      "Head of IT, DIRECTOR", "Director of Sales, DIRECTOR", "Sales Manager, MANAGER", "Team Lead Support, MANAGER",
      "Software Engineer, STAFF", "Headhunter, STAFF", "Directorate clerk, STAFF", "Marketing Assistant, STAFF"})
  void aTitleHasTheSeniorityItNames(String title, Seniority seniority) {
    assertThat(Seniority.of(title)).isEqualTo(seniority);
  }

  @Test
  void noTitleNoSeniority() {
    assertThat(Seniority.of(null)).isNull();
    assertThat(Seniority.of("  ")).isNull();
  }
}
