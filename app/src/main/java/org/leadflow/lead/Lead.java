package org.leadflow.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lead as stored in table {@code lead}. {@code validityRule}: the rule of the automatic check that
 * decided, valid or not ({@code lead-validity:v1/Rule_DisposableEmail}; null when the SDR decided);
 * {@code invalidDetail}: why it is invalid, in words.
 */
public record Lead(
    String id,
    String source,
    String externalId,
    String campaign,
    String landingPage,
    Intent intent,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    Integer companySize,
    String industry,
    String country,
    String region,
    String productInterest,
    boolean consent,
    Instant capturedAt,
    BigDecimal cost,
    LeadStage stage,
    Instant stageChangedAt,
    String ownerId,
    int fitScore,
    int engagementScore,
    Boolean valid,
    String invalidReason,
    String duplicateOf,
    int recycleCount,
    String funnelPosition,
    BigDecimal dealValue,
    String closeReason,
    Boolean newCustomer,
    Instant stuckSince,
    Instant updatedAt,
    String validityRule,
    String invalidDetail) {

  /** Fit plus engagement: what the sales-ready threshold is compared with. */
  @JsonProperty("score")
  public int score() {
    return fitScore + engagementScore;
  }

  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? (email != null ? email : id) : name;
  }
}
