package org.leadflow.handover;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due dates of the successor's introductions and the hand-back time, for rep-handover's expressions
 * ({@code ${handoverPolicy.visitDue()}}, {@code ${handoverPolicy.returnAt(handoverId)}}). Side-effect free.
 */
@Component("handoverPolicy")
public class HandoverPolicy {

  private final HandoverProperties properties;
  private final HandoverMapper handovers;

  HandoverPolicy(HandoverProperties properties, HandoverMapper handovers) {
    this.properties = properties;
    this.handovers = handovers;
  }

  public String visitDue() {
    return properties.visitWithin().toString();
  }

  public String phoneIntroductionDue() {
    return properties.phoneIntroductionWithin().toString();
  }

  public String callDue() {
    return properties.callWithin().toString();
  }

  /** The start of the rep's first working day back, as an ISO date-time with offset. */
  @Transactional(readOnly = true)
  public String returnAt(Long handoverId) {
    Handover handover = handovers.find(handoverId).orElseThrow(() -> new HandoverNotFoundException(handoverId));
    if (handover.returnsOn() == null) {
      throw new IllegalStateException("Hand-over " + handoverId + " has no return date");
    }
    return handover.returnsOn().atTime(properties.returnTime()).atZone(properties.timeZone())
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
