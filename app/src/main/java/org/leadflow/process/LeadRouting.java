package org.leadflow.process;

/** Identifiers of processes/lead-routing.dmn: which team works a lead. */
public final class LeadRouting {

  public static final String DECISION = "lead-routing";

  public static final class Inputs {
    /** {@code TeamRole} name: SDR or SALES. */
    public static final String POOL = "pool";
    /** The lead's product interest, stripped and in lower case (null when not given). */
    public static final String PRODUCT_INTEREST = "productInterest";
    /** ISO 3166 alpha-2 country code of the lead (null when not given). */
    public static final String COUNTRY = "country";

    private Inputs() {}
  }

  public static final class Outputs {
    /** Id of the team (lead_team.id) whose reps may get the lead. */
    public static final String TEAM_ID = "teamId";

    private Outputs() {}
  }

  private LeadRouting() {}
}
