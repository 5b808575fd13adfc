package org.leadflow.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign costs, entered one by one (JSON) or as a CSV file. A file is stored whole or not at all.
 * Duplicates: a cost of the same campaign, channel and period as a stored one is rejected unless the
 * caller asks to replace ({@code replace=true}); a period that overlaps another of the same campaign and
 * channel is always rejected (it would count the money twice). Amounts are in the reporting currency
 * ({@code lead.reports.currency}, EUR by default), the currency deal values are recorded in.
 */
@Service
public class CampaignCostService {

  static final List<String> FIELDS = List.of("campaign", "channel", "periodStart", "periodEnd", "amount", "currency",
      "note");
  private static final Set<String> REQUIRED = Set.of("campaign", "channel", "periodStart", "periodEnd", "amount");
  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private final MoneyTableMapper tables;
  private final Clock clock;
  private final String currency;

  CampaignCostService(MoneyTableMapper tables, Clock clock, @Value("${lead.reports.currency:EUR}") String currency) {
    this.tables = tables;
    this.clock = clock;
    this.currency = currency;
  }

  /** What an upload did. */
  public record Stored(List<CampaignCost> costs, int created, int replaced) {}

  public List<CampaignCost> list(String campaign, String channel) {
    return tables.costs(campaign, channel);
  }

  /** Costs whose period touches {@code [from, to]}. */
  List<CampaignCost> overlapping(LocalDate from, LocalDate to) {
    return tables.overlappingCosts(from, to);
  }

  @Transactional
  public Stored store(List<Map<String, String>> rowsByField, List<Integer> rowNumbers, boolean replace, String user) {
    List<RowError> errors = new ArrayList<>();
    List<CampaignCost> costs = new ArrayList<>();
    for (int i = 0; i < rowsByField.size(); i++) {
      CampaignCost cost = parse(rowNumbers.get(i), rowsByField.get(i), errors, user);
      if (cost == null) {
        continue;
      }
      for (int j = 0; j < costs.size(); j++) {
        CampaignCost earlier = costs.get(j);
        if (sameLine(earlier, cost) && overlaps(earlier, cost)) {
          errors.add(new RowError(rowNumbers.get(i), "periodStart", "overlaps row " + rowNumbers.get(j)
              + " of the same campaign and channel"));
        }
      }
      costs.add(cost);
      for (CampaignCost stored : list(cost.campaign(), cost.channel())) {
        boolean samePeriod = stored.periodStart().equals(cost.periodStart()) && stored.periodEnd().equals(cost.periodEnd());
        if (samePeriod && !replace) {
          errors.add(new RowError(rowNumbers.get(i), "periodStart", "a cost of this campaign, channel and period is "
              + "already stored (id " + stored.id() + "); send replace=true to replace it"));
        } else if (!samePeriod && overlaps(stored, cost)) {
          errors.add(new RowError(rowNumbers.get(i), "periodStart", "overlaps the stored cost id " + stored.id() + " ("
              + stored.periodStart() + " to " + stored.periodEnd() + ") of the same campaign and channel"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidUploadException(errors);
    }
    int replaced = 0;
    List<CampaignCost> stored = new ArrayList<>();
    for (CampaignCost cost : costs) {
      replaced += tables.deleteCostOfPeriod(cost.campaign(), cost.channel(), cost.periodStart(), cost.periodEnd());
      tables.insertCost(cost);
      stored.add(tables.costOfPeriod(cost.campaign(), cost.channel(), cost.periodStart(), cost.periodEnd()));
    }
    return new Stored(stored, stored.size() - replaced, replaced);
  }

  public Stored storeCsv(String body, boolean replace, String user) {
    List<CsvRows.Row> rows = CsvRows.parse(body, FIELDS, REQUIRED);
    return store(rows.stream().map(CsvRows.Row::values).toList(), rows.stream().map(CsvRows.Row::number).toList(),
        replace, user);
  }

  /** True when a cost was deleted. */
  public boolean delete(long id) {
    return tables.deleteCost(id) > 0;
  }

  private CampaignCost parse(int row, Map<String, String> values, List<RowError> errors, String user) {
    int before = errors.size();
    MoneyValues v = new MoneyValues(row, errors);
    String campaign = v.text("campaign", values.get("campaign"), 200, true);
    String channel = v.text("channel", values.get("channel"), 40, true);
    if (channel != null && !CHANNEL.matcher(channel).matches()) {
      v.error("channel", "must be a lead source: 1-40 letters, digits, '.', '_' or '-'");
    }
    LocalDate start = v.date("periodStart", values.get("periodStart"));
    LocalDate end = v.date("periodEnd", values.get("periodEnd"));
    if (start != null && end != null && end.isBefore(start)) {
      v.error("periodEnd", "must not be before periodStart");
    }
    var amount = v.amount("amount", values.get("amount"));
    String money = v.text("currency", values.get("currency"), 3, false);
    if (money != null && !money.equals(currency)) {
      v.error("currency", "must be " + currency + ", the currency deal values are recorded in");
    }
    String note = v.text("note", values.get("note"), 500, false);
    if (errors.size() > before) {
      return null;
    }
    return new CampaignCost(null, campaign, channel, start, end, amount, currency, note, Instant.now(clock), user);
  }

  private static boolean sameLine(CampaignCost a, CampaignCost b) {
    return a.campaign().equals(b.campaign()) && a.channel().equals(b.channel());
  }

  private static boolean overlaps(CampaignCost a, CampaignCost b) {
    return !a.periodEnd().isBefore(b.periodStart()) && !b.periodEnd().isBefore(a.periodStart());
  }
}
