package org.leadflow.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallSamplerTest {

  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void drawsTwoDifferentLeadsPerRepAndWhatThereIsWhenFewer() {
    CallSampler sampler = new CallSampler(new Random(7), 2, 3.0);

    assertThat(sampler.sample(List.of(call(1, "l1", false), call(2, "l1", false), call(3, "l2", true),
        call(4, "l3", false)))).hasSize(2).extracting(CallCandidate::leadId).doesNotHaveDuplicates();
    // two attempts on one lead are one lead to review: its last call
    assertThat(sampler.sample(List.of(call(1, "l1", false), call(2, "l1", true))))
        .singleElement().satisfies(c -> assertThat(c.activityId()).isEqualTo(2L));
    assertThat(sampler.sample(List.of())).isEmpty();
  }

  @Test
  void leadsTaggedInvalidAreDrawnThreeTimesAsOftenAsValidOnes() {
    // given: 2 invalid-tagged and 8 valid leads, one call drawn per day, 20,000 days, a fixed seed
    CallSampler sampler = new CallSampler(new Random(20260302L), 1, 3.0);
    List<CallCandidate> calls = IntStream.range(0, 10).mapToObj(i -> call(i, "lead-" + i, i < 2)).toList();
    Map<Boolean, Integer> drawn = new HashMap<>();

    for (int day = 0; day < 20_000; day++) {
      sampler.sample(calls).forEach(c -> drawn.merge(c.taggedInvalid(), 1, Integer::sum));
    }

    // then: weights 2 x 3 against 8 x 1: an invalid-tagged lead is drawn 6/14 of the time (uniform: 2/10)
    double invalidShare = drawn.get(true) / 20_000.0;
    assertThat(invalidShare).isCloseTo(6.0 / 14, within(0.015));
    double perInvalidLead = drawn.get(true) / 2.0;
    double perValidLead = drawn.get(false) / 8.0;
    assertThat(perInvalidLead / perValidLead).isCloseTo(3.0, within(0.25));
  }

  @Test
  void withoutReplacementTheSecondDrawComesFromTheRest() {
    // 1 invalid, 3 valid, two per rep: P(invalid in the sample) = 3/6 + 3 x (1/6 x 3/5) = 0.8
    CallSampler sampler = new CallSampler(new Random(11), 2, 3.0);
    List<CallCandidate> calls = List.of(call(1, "a", true), call(2, "b", false), call(3, "c", false), call(4, "d", false));
    int withInvalid = 0;
    for (int day = 0; day < 10_000; day++) {
      if (sampler.sample(calls).stream().anyMatch(CallCandidate::taggedInvalid)) {
        withInvalid++;
      }
    }
    assertThat(withInvalid / 10_000.0).isCloseTo(0.8, within(0.02));
  }

  @Test
  void theSameSeedDrawsTheSameSample() {
    List<CallCandidate> calls = IntStream.range(0, 12).mapToObj(i -> call(i, "lead-" + i, i % 4 == 0)).toList();
    assertThat(new CallSampler(new Random(5), 2, 3.0).sample(calls))
        .isEqualTo(new CallSampler(new Random(5), 2, 3.0).sample(calls));
  }

  private static CallCandidate call(long id, String lead, boolean invalid) {
    return new CallCandidate(id, lead, "sam", "CALL_ATTEMPT", "REACHED", AT.plusSeconds(id), invalid);
  }
}
