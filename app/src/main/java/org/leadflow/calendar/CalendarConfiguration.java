package org.leadflow.calendar;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Placeholder until the business calendars land: every hour counts (around the clock). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  BusinessTime businessTime() {
    return new BusinessTime() {
      @Override
      public Instant plus(String teamId, Instant start, Duration workingTime) {
        return start.plus(workingTime);
      }

      @Override
      public Duration between(String teamId, Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
      }
    };
  }
}
