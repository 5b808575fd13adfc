package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The money reports' reads of lead, lead_rep, lead_plan and the engine's users (SQL in
 * resources/mapper/MoneyReportMapper.xml); {@code f}: the report filter as {@link ReportQuery}, the same lead
 * filters as the funnel reports.
 */
@Mapper
interface MoneyReportMapper {

  /** Open opportunities now (the period does not apply) by owner (with the owner's team), region and position. */
  List<OpenDeals> openDeals(@Param("f") ReportQuery f);

  Revenue revenue(@Param("f") ReportQuery f);

  /** Leads captured in the period per campaign and channel (leads without a campaign are not counted). */
  List<CampaignLeads> campaignLeads(@Param("f") ReportQuery f);

  /** Active rep profiles: user and team. */
  List<RepTeam> activeReps();

  /** Every rep profile, active or not: user and team. */
  List<RepTeam> repTeams();

  List<PlanAmount> plansOf(LocalDate month);

  /** Leads won in {@code [start, end)} that have an owner. */
  List<Win> wins(@Param("start") Instant start, @Param("end") Instant end);

  /** First and last name of the engine user (blank or null when not set). */
  String nameOf(String userId);

  record OpenDeals(String ownerId, String teamId, String region, String funnelPosition, long deals,
      BigDecimal dealValue) {}

  record Revenue(long won, BigDecimal revenue, BigDecimal newRevenue, BigDecimal repeatRevenue) {}

  record CampaignLeads(String campaign, String source, long leads, long validLeads, long customers,
      BigDecimal revenue) {}

  record RepTeam(String userId, String teamId) {}

  record PlanAmount(String scope, String subject, BigDecimal amount) {}

  record Win(String ownerId, BigDecimal dealValue, Instant wonAt) {}
}
