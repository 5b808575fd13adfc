package org.leadflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaign costs: marketing and admins write, the full-access report groups read. */
@RestController
@Tag(name = "Campaign costs", description = "What each campaign cost per channel and period (cost per lead, ROI)")
@SecurityRequirement(name = "basic")
class CampaignCostController {

  private final CampaignCostService costs;

  CampaignCostController(CampaignCostService costs) {
    this.costs = costs;
  }

  /** The JSON body (documentation and binding). */
  record CostRequest(String campaign, String channel, String periodStart, String periodEnd, Object amount,
      String currency, String note) {
    Map<String, String> values() {
      java.util.HashMap<String, String> values = new java.util.HashMap<>();
      values.put("campaign", campaign);
      values.put("channel", channel);
      values.put("periodStart", periodStart);
      values.put("periodEnd", periodEnd);
      values.put("amount", amount == null ? null : amount.toString());
      values.put("currency", currency);
      values.put("note", note);
      return values;
    }
  }

  @GetMapping("/api/campaign-costs")
  @Operation(summary = "Campaign costs, optionally of one campaign and/or channel")
  List<CampaignCost> list(@RequestParam(required = false) String campaign,
      @RequestParam(required = false) String channel) {
    return costs.list(blankToNull(campaign), blankToNull(channel));
  }

  @PostMapping(path = "/api/campaign-costs", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Enter one campaign cost",
      description = "The same campaign, channel and period as a stored cost is rejected (400) unless replace=true; "
          + "a period overlapping another of the same campaign and channel is always rejected")
  CampaignCostService.Stored create(@RequestBody CostRequest request,
      @RequestParam(defaultValue = "false") boolean replace, Principal principal) {
    return costs.store(List.of(request.values()), List.of(1), replace, principal.getName());
  }

  @PostMapping(path = "/api/campaign-costs", consumes = "text/csv")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload campaign costs as CSV (all rows or none)",
      description = "Header row with the columns campaign, channel, periodStart, periodEnd, amount, currency, note "
          + "(any order). Any bad row: 400 with errors [{row, field, message}] for every bad row, nothing stored. "
          + "Duplicates as for the JSON form (replace=true replaces costs of the same campaign, channel and period)")
  CampaignCostService.Stored upload(@RequestBody(required = false) String csv,
      @RequestParam(defaultValue = "false") boolean replace, Principal principal) {
    return costs.storeCsv(csv, replace, principal.getName());
  }

  @DeleteMapping("/api/campaign-costs/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a campaign cost")
  void delete(@PathVariable long id) {
    if (!costs.delete(id)) {
      throw new MoneyNotFoundException("No campaign cost " + id);
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
