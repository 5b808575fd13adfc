package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Campaign costs ({@code lead_campaign_cost}) and plans ({@code lead_plan}), V015; SQL in MoneyTableMapper.xml. */
@Mapper
interface MoneyTableMapper {

  // ---- campaign costs

  /** Costs, optionally of one campaign and/or channel (null: any). */
  List<CampaignCost> costs(@Param("campaign") String campaign, @Param("channel") String channel);

  /** Costs whose period touches {@code [from, to]}. */
  List<CampaignCost> overlappingCosts(@Param("from") LocalDate from, @Param("to") LocalDate to);

  /** The cost of exactly this campaign, channel and period, or null. */
  CampaignCost costOfPeriod(@Param("campaign") String campaign, @Param("channel") String channel,
      @Param("start") LocalDate start, @Param("end") LocalDate end);

  int deleteCostOfPeriod(@Param("campaign") String campaign, @Param("channel") String channel,
      @Param("start") LocalDate start, @Param("end") LocalDate end);

  void insertCost(CampaignCost cost);

  int deleteCost(long id);

  // ---- plans

  /** Plans of the month (its first day), or all when null. */
  List<PlanRow> plans(@Param("month") LocalDate month);

  PlanRow planOf(@Param("month") LocalDate month, @Param("scope") String scope, @Param("subject") String subject);

  int deletePlanOf(@Param("month") LocalDate month, @Param("scope") String scope, @Param("subject") String subject);

  void insertPlan(PlanRow plan);

  int deletePlan(long id);

  boolean repExists(String userId);

  boolean teamExists(String teamId);

  /** A lead_plan row (plan_month is the month's first day). */
  record PlanRow(Long id, LocalDate planMonth, String scope, String subject, BigDecimal amount, Instant updatedAt,
      String updatedBy) {

    static PlanRow of(Plan plan) {
      return new PlanRow(plan.id(), plan.month().atDay(1), plan.scope(), plan.subject(), plan.amount(),
          plan.updatedAt(), plan.updatedBy());
    }

    Plan plan() {
      return new Plan(id, YearMonth.from(planMonth), scope, subject, amount, updatedAt, updatedBy);
    }
  }
}
