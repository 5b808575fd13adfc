package org.leadflow.lead;

import java.time.Instant;

/**
 * A Spring application event, published synchronously inside the transaction that moved the lead:
 * its stage changed, or (opportunities) its funnel position. {@code funnelPosition} is the lead's
 * position after the move (null outside opportunities). Listeners that write join the transaction.
 */
public record LeadMoved(String leadId, LeadStage stage, String funnelPosition, Instant at) {}
