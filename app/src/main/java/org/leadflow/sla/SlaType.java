package org.leadflow.sla;

/**
 * The SLA clocks of the lead models, each the value of the {@code sla} input of {@code sla-policy}:
 * the SDR's first call attempt (sdr-qualification), the sales rep accepting the lead and making first
 * contact (sales-follow-up), and the follow-up cadence of an open opportunity (opportunity).
 */
public enum SlaType {
  SDR_CALL_ATTEMPT, SALES_ACCEPT, SALES_FIRST_CONTACT, OPPORTUNITY_FOLLOW_UP
}
