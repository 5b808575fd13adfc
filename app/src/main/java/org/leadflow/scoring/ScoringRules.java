package org.leadflow.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;

/**
 * The interim scoring rule (the DMN tables of the rules issue replace it). Fit: who they are;
 * engagement: what they did. Documented in README.md ("Scoring").
 */
final class ScoringRules {

  private static final Pattern SENIOR_TITLE = Pattern.compile(
      "\\b(chief|ceo|cto|cfo|coo|cmo|cio|vp|vice president|director|head|owner|founder|president|partner)\\b");

  private ScoringRules() {}

  static List<ScoreLine> fit(Lead lead) {
    List<ScoreLine> lines = new ArrayList<>();
    if (lead.title() != null && SENIOR_TITLE.matcher(lead.title().toLowerCase(Locale.ROOT)).find()) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_SENIOR_TITLE", 20, "senior title '" + lead.title() + "'"));
    }
    Integer size = lead.companySize();
    if (size != null && size >= 200) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_COMPANY_SIZE", 15, "company size " + size + " >= 200"));
    } else if (size != null && size >= 50) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_COMPANY_SIZE", 10, "company size " + size + " >= 50"));
    } else if (size != null && size >= 10) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_COMPANY_SIZE", 5, "company size " + size + " >= 10"));
    }
    if (lead.productInterest() != null && !lead.productInterest().isBlank()) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_PRODUCT_INTEREST", 10, "interested in " + lead.productInterest()));
    }
    if (lead.company() != null && lead.phone() != null) {
      lines.add(line(lead, ScoreLine.FIT, "FIT_COMPLETE_CONTACT", 5, "company and phone given"));
    }
    return lines;
  }

  static ScoreLine intent(Lead lead, Intent intent, String rulePrefix) {
    return line(lead, ScoreLine.ENGAGEMENT, rulePrefix + intent.name(), intentPoints(intent),
        intent.name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  static int intentPoints(Intent intent) {
    return switch (intent) {
      case DEMO_REQUEST -> 50;
      case INQUIRY -> 30;
      case EVENT_SIGNUP -> 20;
      case CONTENT_DOWNLOAD -> 10;
      case NEWSLETTER -> 5;
    };
  }

  private static ScoreLine line(Lead lead, String kind, String rule, int points, String reason) {
    return new ScoreLine(lead.id(), kind, rule, points, reason, null);
  }
}
