package org.leadflow.scoring;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How senior a job title is: the {@code seniority} input of the lead-fit-score table, derived from
 * the free-text title. Checked in this order, so "Vice President" is VP and "Managing Director" is
 * DIRECTOR; a title that names none of these is STAFF; no title, no seniority.
 */
public enum Seniority {
  VP("\\b(vp|svp|evp|vice[- ]president)\\b"),
  C_LEVEL("\\b(chief|ceo|cto|cfo|coo|cmo|cio|cro|cso|owner|founder|co-founder|president|partner)\\b"),
  DIRECTOR("\\b(director|head)\\b"),
  MANAGER("\\b(manager|team lead|team leader)\\b"),
  STAFF(null);

  private final Pattern pattern;

  Seniority(String regex) {
    this.pattern = regex == null ? null : Pattern.compile(regex);
  }

  /** The seniority of a title; null for no title. */
  public static Seniority of(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String lower = title.toLowerCase(Locale.ROOT);
    for (Seniority level : values()) {
      if (level.pattern != null && level.pattern.matcher(lower).find()) {
        return level;
      }
    }
    return STAFF;
  }
}
