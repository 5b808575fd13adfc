package org.leadflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.YearMonth;
import java.util.HashMap;
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

/** Monthly plans per rep and team: sales managers and admins write, the full-access report groups read. */
@RestController
@Tag(name = "Plans", description = "Monthly plans per rep and team (the leaderboard's attainment)")
@SecurityRequirement(name = "basic")
class PlanController {

  private final PlanService plans;

  PlanController(PlanService plans) {
    this.plans = plans;
  }

  record PlanRequest(String month, String scope, String subject, Object amount) {
    Map<String, String> values() {
      Map<String, String> values = new HashMap<>();
      values.put("month", month);
      values.put("scope", scope);
      values.put("subject", subject);
      values.put("amount", amount == null ? null : amount.toString());
      return values;
    }
  }

  @GetMapping("/api/plans")
  @Operation(summary = "Plans, optionally of one month (2026-12)")
  List<Plan> list(@RequestParam(required = false) String month) {
    YearMonth parsed = null;
    if (month != null && !month.isBlank()) {
      parsed = new MoneyValues(0, new java.util.ArrayList<>()).month("month", month);
      if (parsed == null) {
        throw MoneyProblemHandler.parameter("month", "must be a month like 2026-12");
      }
    }
    return plans.list(parsed);
  }

  @PostMapping(path = "/api/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Set one plan {month, scope REP|TEAM, subject, amount}",
      description = "A plan already stored for the month, scope and subject is rejected (400) unless replace=true")
  PlanService.Stored create(@RequestBody PlanRequest request, @RequestParam(defaultValue = "false") boolean replace,
      Principal principal) {
    return plans.store(List.of(request.values()), List.of(1), replace, principal.getName());
  }

  @PostMapping(path = "/api/plans", consumes = "text/csv")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload plans as CSV (all rows or none)",
      description = "Header row with the columns month, scope, subject, amount. Any bad row: 400 with errors "
          + "[{row, field, message}] for every bad row, nothing stored")
  PlanService.Stored upload(@RequestBody(required = false) String csv,
      @RequestParam(defaultValue = "false") boolean replace, Principal principal) {
    return plans.storeCsv(csv, replace, principal.getName());
  }

  @DeleteMapping("/api/plans/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a plan")
  void delete(@PathVariable long id) {
    if (!plans.delete(id)) {
      throw new MoneyNotFoundException("No plan " + id);
    }
  }
}
