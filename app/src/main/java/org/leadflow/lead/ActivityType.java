package org.leadflow.lead;

/** Kinds of rows in {@code lead_activity}. */
public enum ActivityType {
  REENGAGEMENT, CALL_ATTEMPT, FIRST_CONTACT, ACCEPT_DECISION, MANAGER_DECISION, OPPORTUNITY_UPDATE, STUCK,
  WIN_LOSS_REVIEW, HANDOVER_INTRODUCTION, HANDED_OVER,
  /** A supervisor's verdict on a sampled call: TAG_CONFIRMED, TAG_WRONG or NOT_REVIEWED (call-review). */
  CALL_REVIEW
}
