package org.leadflow.handover;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which leads a hand-over moved, per funnel band in hand-over order, and to whom
 * ({@code ${handoverPlan.leadsAt(handoverId, 'BOTTOM')}}, {@code ${handoverPlan.successorOf(handoverId, leadId)}}).
 */
@Component("handoverPlan")
@Transactional(readOnly = true)
public class HandoverPlan {

  private final HandoverMapper handovers;

  HandoverPlan(HandoverMapper handovers) {
    this.handovers = handovers;
  }

  public List<String> leadsAt(Long handoverId, String band) {
    FunnelBand wanted = FunnelBand.valueOf(band);
    return handovers.items(handoverId).stream().filter(item -> item.band() == wanted).map(Handover.Item::leadId)
        .toList();
  }

  public String successorOf(Long handoverId, String leadId) {
    // null: the lead went back to the shared SDR queue (the task stays with its candidate groups)
    return handovers.items(handoverId).stream().filter(item -> item.leadId().equals(leadId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not part of hand-over " + handoverId))
        .successor();
  }

}
