package org.leadflow.scoring;

import java.util.Locale;
import java.util.Optional;

/** What a contact did, as reported on {@code leads.engagement}; points per type in {@code processes/engagement-points.dmn}. */
public enum EngagementType {
  PAGE_VIEW, FORM_SUBMIT, EMAIL_OPEN, EMAIL_CLICK, CONTENT_DOWNLOAD, WEBINAR_ATTENDED, CHAT, PRICING_PAGE_VIEW;

  /** Prefix of the {@code engagementType} variable and of the ledger's rule id for engagement events. */
  public static final String PREFIX = "EVENT_";

  /** {@code EVENT_PRICING_PAGE_VIEW}: the {@code engagementType} message variable and the ledger rule id. */
  public String ruleId() {
    return PREFIX + name();
  }

  /** "pricing page view" */
  public String description() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The type behind an {@code engagementType} value such as {@code EVENT_CHAT}, if it is one. */
  public static Optional<EngagementType> ofRuleId(String engagementType) {
    if (engagementType == null || !engagementType.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(engagementType.substring(PREFIX.length())));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
