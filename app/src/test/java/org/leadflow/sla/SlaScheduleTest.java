package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SlaScheduleTest {

  @Test
  void aTiersDueInstantIsTheOneItsTimerGets() {
    // given a calendar computation that lands between two milliseconds
    Instant due = Instant.parse("2026-12-02T14:47:29.742600Z");

    // when it becomes a schedule
    SlaSchedule schedule = new SlaSchedule(SlaType.SALES_ACCEPT, null, "leo", "sales-north", due, due, due, due, due,
        due);

    // then lead_sla (datetime(3), which would round to .743) stores what the timer's Date (which truncates) holds
    assertThat(schedule.dueAt()).isEqualTo(Date.from(due).toInstant()).isEqualTo("2026-12-02T14:47:29.742Z");
    assertThat(schedule.startedAt()).isEqualTo(schedule.recycleAt());
  }
}
