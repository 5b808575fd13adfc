package org.leadflow.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A lead's profile: the combination of its channel, campaign, landing page and region, which never change after
 * capture (V022, README "Reports"). The rollups keep one slice per profile ({@link #PROFILE}), so a filter of several
 * of these dimensions sums the slices of the profiles it matches ({@code report_profile}) instead of reading every
 * lead; and one per pair of a rep and a team of the lead ({@link #REP_TEAM}, not a profile, but a slice of two
 * dimensions too).
 *
 * <p>The id is derived from the four values (the first 16 hex digits of their SHA-256), so a migration, the
 * projection and a rebuild compute the same id without a look-up, and two nodes capturing the first lead of a
 * new combination at once write the same row.
 */
public final class ReportProfile {

  /** The slice of one profile: dim_value = the profile id. */
  public static final String PROFILE = "profile";
  /** The slice of one person and one team (both of the lead's, maybe of different assignments): {@code rep|team}. */
  public static final String REP_TEAM = "rt";

  private ReportProfile() {}

  /** The profile id of these dimension values (null: the lead has none). */
  public static String id(String source, String campaign, String landingPage, String region) {
    StringBuilder key = new StringBuilder();
    for (String value : new String[] {source, campaign, landingPage, region}) {
      // length-prefixed, null distinct from "": no two tuples share a key
      key.append(value == null ? "-" : value.length() + ":" + value).append('\n');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The dim_value of a slice of several values (rep and team): joined by {@code |}. */
  public static String of(String... values) {
    return String.join("|", values);
  }
}
