package org.leadflow.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The app's clock in every integration test: the system's UTC clock, unless a test pins it to an instant
 * ({@link #pin}) and releases it afterwards ({@link #release}). One clock for all ITs keeps them in one
 * Spring context: a second context would start a second engine, job executor and Kafka broker on the same
 * database and move the {@code spring.kafka.bootstrap-servers} property the other tests use.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ItClock {

  @Bean
  @Primary
  PinnableClock itClock() {
    return new PinnableClock();
  }

  /** Follows the system clock until pinned. */
  public static final class PinnableClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant at) {
      pinned = at;
    }

    public void release() {
      pinned = null;
    }

    @Override
    public Instant instant() {
      Instant at = pinned;
      return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      if (ZoneOffset.UTC.equals(zone)) {
        return this;
      }
      throw new UnsupportedOperationException("the app's clock is UTC");
    }
  }
}
