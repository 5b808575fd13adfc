package org.leadflow.process;

/**
 * Every process variable of the lead models, with its type and meaning. Form field keys use exactly
 * these names. Variables carry ids and decisions only; the lead itself lives in the lead tables.
 */
public final class LeadVariables {

  /** The lead's id (UUID string); also the business key of every instance. */
  public static final ProcessVariable<String> LEAD_ID = new ProcessVariable<>("leadId", String.class);
  /** {@code Intent} name of the submission that created the lead. */
  public static final ProcessVariable<String> INTENT = new ProcessVariable<>("intent", String.class);

  /** Set by Task_CheckLeadValidity. */
  public static final ProcessVariable<Boolean> LEAD_VALID = new ProcessVariable<>("leadValid", Boolean.class);
  /** {@code InvalidReason} name when the lead is invalid (automatic check or SDR verdict). */
  public static final ProcessVariable<String> INVALID_REASON = new ProcessVariable<>("invalidReason", String.class);

  /** Combined score 0..n after the last scoring. */
  public static final ProcessVariable<Integer> LEAD_SCORE = new ProcessVariable<>("leadScore", Integer.class);
  /** True when the score passed the sales-ready threshold or the lead raised its hand. */
  public static final ProcessVariable<Boolean> SALES_READY = new ProcessVariable<>("salesReady", Boolean.class);
  /** lead-nurture's result: NURTURING while it runs, MQL when the threshold was reached. */
  public static final ProcessVariable<String> NURTURE_OUTCOME = new ProcessVariable<>("nurtureOutcome", String.class);
  /** Type of the engagement that woke the nurture track (message variable), e.g. RESUBMISSION. */
  public static final ProcessVariable<String> ENGAGEMENT_TYPE = new ProcessVariable<>("engagementType", String.class);
  /** Why the lead closes as dormant: NURTURE_EXPIRED or RECYCLE_LIMIT_REACHED (input parameter). */
  public static final ProcessVariable<String> DORMANT_REASON = new ProcessVariable<>("dormantReason", String.class);

  /** How often the lead went back to marketing; {@code recyclePolicy} caps it. */
  public static final ProcessVariable<Integer> RECYCLE_COUNT = new ProcessVariable<>("recycleCount", Integer.class);
  /** {@code RecycleReason} name given by the SDR or the sales rep. */
  public static final ProcessVariable<String> RECYCLE_REASON = new ProcessVariable<>("recycleReason", String.class);

  /** User id of the SDR an MQL is assigned to (Task_AssignSdr); null: unassigned in the SDR queue. */
  public static final ProcessVariable<String> SDR_REP = new ProcessVariable<>("sdrRep", String.class);
  /** SDR form: REACHED or NO_ANSWER. */
  public static final ProcessVariable<String> CALL_OUTCOME = new ProcessVariable<>("callOutcome", String.class);
  /** Call attempts made so far (sdr-qualification). */
  public static final ProcessVariable<Integer> CALL_ATTEMPTS = new ProcessVariable<>("callAttempts", Integer.class);
  /** SDR verdict: SALES_READY, RECYCLE, INVALID or DISQUALIFIED. */
  public static final ProcessVariable<String> QUALIFICATION = new ProcessVariable<>("qualification", String.class);
  /** SDR form: a real need was confirmed. */
  public static final ProcessVariable<Boolean> REAL_NEED = new ProcessVariable<>("realNeed", Boolean.class);
  /** SDR form: DECISION_MAKER, INFLUENCER, USER, UNKNOWN. */
  public static final ProcessVariable<String> AUTHORITY = new ProcessVariable<>("authority", String.class);
  /** SDR form: NOW, THIS_QUARTER, THIS_YEAR, LATER, UNKNOWN. */
  public static final ProcessVariable<String> TIMING = new ProcessVariable<>("timing", String.class);
  /** {@code Objection} name heard on the call (SDR and first-contact forms). */
  public static final ProcessVariable<String> OBJECTION = new ProcessVariable<>("objection", String.class);
  /** {@code DisqualifyReason} name. */
  public static final ProcessVariable<String> DISQUALIFY_REASON = new ProcessVariable<>("disqualifyReason", String.class);
  /** Free-text notes of the SDR call. */
  public static final ProcessVariable<String> CALL_NOTES = new ProcessVariable<>("callNotes", String.class);

  /** User id of the assigned sales rep. */
  public static final ProcessVariable<String> SALES_REP = new ProcessVariable<>("salesRep", String.class);
  /** User id of the rep's manager (team supervisor), if the rep has one. */
  public static final ProcessVariable<String> SALES_MANAGER = new ProcessVariable<>("salesManager", String.class);
  /** Accept form: ACCEPTED or RECYCLE. */
  public static final ProcessVariable<String> ACCEPTANCE = new ProcessVariable<>("acceptance", String.class);
  /** Free-text notes of the accept decision. */
  public static final ProcessVariable<String> ACCEPT_NOTES = new ProcessVariable<>("acceptNotes", String.class);
  /** Manager escalation form: REASSIGN_NOW or KEEP_REP. */
  public static final ProcessVariable<String> MANAGER_DECISION = new ProcessVariable<>("managerDecision", String.class);
  /** User id of the manager who asked to reassign the lead (POST /api/leads/{id}/reassignment). */
  public static final ProcessVariable<String> REASSIGNMENT_REQUESTED_BY =
      new ProcessVariable<>("reassignmentRequestedBy", String.class);
  /** Reassign form: the rep the manager moves the lead to; empty: routing picks anyone but the current rep. */
  public static final ProcessVariable<String> REASSIGN_TO = new ProcessVariable<>("reassignTo", String.class);
  /** Free-text notes of the manager's escalation decision. */
  public static final ProcessVariable<String> MANAGER_NOTES = new ProcessVariable<>("managerNotes", String.class);
  /** First-contact verdict: OPPORTUNITY, RECYCLE or DISQUALIFIED. */
  public static final ProcessVariable<String> SALES_OUTCOME = new ProcessVariable<>("salesOutcome", String.class);
  /** Free-text notes of the first contact. */
  public static final ProcessVariable<String> CONTACT_NOTES = new ProcessVariable<>("contactNotes", String.class);

  /** Opportunity position: TOP (25 %), MIDDLE (50 %), BOTTOM (75 %). */
  public static final ProcessVariable<String> FUNNEL_POSITION = new ProcessVariable<>("funnelPosition", String.class);
  /** Deal value (a number from the form: Long or Double). */
  public static final ProcessVariable<Number> DEAL_VALUE = new ProcessVariable<>("dealValue", Number.class);
  /** OPEN, WON or LOST. */
  public static final ProcessVariable<String> OPPORTUNITY_OUTCOME = new ProcessVariable<>("opportunityOutcome", String.class);
  /** {@code CloseReason} name of a won or lost deal. */
  public static final ProcessVariable<String> CLOSE_REASON = new ProcessVariable<>("closeReason", String.class);
  /** A won deal with a new customer (not repeat business). */
  public static final ProcessVariable<Boolean> NEW_CUSTOMER = new ProcessVariable<>("newCustomer", Boolean.class);
  /** Free-text notes of an opportunity update. */
  public static final ProcessVariable<String> OPPORTUNITY_NOTES = new ProcessVariable<>("opportunityNotes", String.class);

  /** Marketing's win/loss review: NOTHING_TO_CHANGE, ADJUST_SCORING, ADJUST_TARGETING, CONTENT_GAP, CHANNEL_QUALITY. */
  public static final ProcessVariable<String> REVIEW_FINDING = new ProcessVariable<>("reviewFinding", String.class);
  /** Free-text notes of the win/loss review. */
  public static final ProcessVariable<String> REVIEW_NOTES = new ProcessVariable<>("reviewNotes", String.class);

  /** rep-handover start form: the user id of the rep whose leads move. */
  public static final ProcessVariable<String> DEPARTING_REP = new ProcessVariable<>("departingRep", String.class);
  /** {@code HandoverKind} name: DEPARTED or ABSENT. */
  public static final ProcessVariable<String> HANDOVER_KIND = new ProcessVariable<>("handoverKind", String.class);
  /** First day back of an absent rep (ISO date, yyyy-MM-dd), if known. */
  public static final ProcessVariable<String> RETURNS_ON = new ProcessVariable<>("returnsOn", String.class);
  /** The successor the manager chose for every lead; empty lets routing pick per lead. */
  public static final ProcessVariable<String> SUCCESSOR = new ProcessVariable<>("successor", String.class);
  /** Start form: give the leads back when the absent rep returns. */
  public static final ProcessVariable<Boolean> HAND_BACK_ON_RETURN = new ProcessVariable<>("handBackOnReturn", Boolean.class);
  /** Why the hand-over happens (free text, audited). */
  public static final ProcessVariable<String> HANDOVER_NOTE = new ProcessVariable<>("handoverNote", String.class);
  /** Id of the {@code lead_handover} row (set by Task_HandOverOpenLeads). */
  public static final ProcessVariable<Long> HANDOVER_ID = new ProcessVariable<>("handoverId", Long.class);
  /** True when the leads go back on the return date (an absence with a return date that asked for it). */
  public static final ProcessVariable<Boolean> HAND_BACK = new ProcessVariable<>("handBack", Boolean.class);
  /** Successor's introduction: DONE, CUSTOMER_UNAVAILABLE or NOT_NEEDED. */
  public static final ProcessVariable<String> INTRODUCTION_OUTCOME = new ProcessVariable<>("introductionOutcome", String.class);
  /** Free-text notes of the introduction. */
  public static final ProcessVariable<String> INTRODUCTION_NOTES = new ProcessVariable<>("introductionNotes", String.class);

  /** The SLA of an SLA task and of the tier tasks on it (input parameter): SlaType name. */
  public static final ProcessVariable<String> SLA_TYPE = new ProcessVariable<>("slaType", String.class);
  /** The SlaTier a tier task records (input parameter): REMINDER, BREACH, ESCALATION, REASSIGNMENT or RECYCLE. */
  public static final ProcessVariable<String> SLA_TIER = new ProcessVariable<>("slaTier", String.class);
  /** The manager an SLA escalation went to (the supervisor of the team the SLA counts in); null for the group. */
  public static final ProcessVariable<String> SLA_MANAGER = new ProcessVariable<>("slaManager", String.class);

  /** Read-only lead context shown on every form (task-local, set by leadContextTaskListener). */
  public static final ProcessVariable<String> LEAD_SUMMARY = new ProcessVariable<>("leadSummary", String.class);
  public static final ProcessVariable<String> LEAD_CONTACT = new ProcessVariable<>("leadContact", String.class);
  public static final ProcessVariable<String> LEAD_SOURCE = new ProcessVariable<>("leadSource", String.class);
  public static final ProcessVariable<String> LEAD_SCORE_REASONS = new ProcessVariable<>("leadScoreReasons", String.class);
  public static final ProcessVariable<String> LEAD_HISTORY = new ProcessVariable<>("leadHistory", String.class);

  /** How many team digests Task_SendDueDigests made on this tick (daily-digest). */
  public static final ProcessVariable<Integer> DIGESTS_SENT = new ProcessVariable<>("digestsSent", Integer.class);
  /** The sampling run of a call-review instance (its process instance id); the reviews it made carry it. */
  public static final ProcessVariable<String> CALL_REVIEW_RUN = new ProcessVariable<>("callReviewRun", String.class);
  /** How many reviews (one per supervisor) Task_SampleCalls made on this tick. */
  public static final ProcessVariable<Integer> CALL_REVIEWS = new ProcessVariable<>("callReviews", Integer.class);
  /** Id of one {@code lead_call_review} row: the multi-instance element of Task_ReviewSampledCalls. */
  public static final ProcessVariable<String> CALL_REVIEW_ID = new ProcessVariable<>("callReviewId", String.class);
  /** Review form header (task-local): whose calls, which day, how the sample was drawn. */
  public static final ProcessVariable<String> CALL_REVIEW_SUMMARY = new ProcessVariable<>("callReviewSummary", String.class);
  /**
   * The sampled calls of one review (task-local Spin JSON array, the form's dynamic list): per item
   * {@code sampleId}, {@code rep}, {@code lead}, {@code call}, {@code tag}, and the supervisor's
   * {@code tagRight} and {@code reviewNote}.
   */
  public static final ProcessVariable<Object> CALL_REVIEW_ITEMS = new ProcessVariable<>("callReviewItems", Object.class);
  /** Item field of callReviewItems: the {@code lead_call_review_item} id (read-only in the form). */
  public static final ProcessVariable<String> SAMPLE_ID = new ProcessVariable<>("sampleId", String.class);
  /** Item fields of callReviewItems shown read-only: the rep, the lead, the call, the rep's tag (VALID/INVALID). */
  public static final ProcessVariable<String> SAMPLE_REP = new ProcessVariable<>("rep", String.class);
  public static final ProcessVariable<String> SAMPLE_LEAD = new ProcessVariable<>("lead", String.class);
  public static final ProcessVariable<String> SAMPLE_CALL = new ProcessVariable<>("call", String.class);
  public static final ProcessVariable<String> SAMPLE_TAG = new ProcessVariable<>("tag", String.class);
  /** Item field of callReviewItems: the supervisor's verdict on the rep's tag, YES (right) or NO (wrong). */
  public static final ProcessVariable<String> TAG_RIGHT = new ProcessVariable<>("tagRight", String.class);
  /** Item field of callReviewItems: the supervisor's note on the call. */
  public static final ProcessVariable<String> REVIEW_NOTE = new ProcessVariable<>("reviewNote", String.class);

  private LeadVariables() {}
}
