package org.leadflow.lead;

/** Kinds of rows in {@code lead_activity}. */
public enum ActivityType {
  REENGAGEMENT, CALL_ATTEMPT, FIRST_CONTACT, ACCEPT_DECISION, MANAGER_DECISION, OPPORTUNITY_UPDATE, STUCK,
  WIN_LOSS_REVIEW, HANDOVER_INTRODUCTION, HANDED_OVER
}
