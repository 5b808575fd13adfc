package org.leadflow.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.leadflow.lead.LeadService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SLA instances and compliance over REST: what started, what fell due, which tiers fired, how it ended. */
@RestController
@Validated
@Tag(name = "SLAs", description = "Every SLA instance of every lead, and compliance per SLA type")
class SlaController {

  private final SlaService slas;
  private final LeadService leads;

  SlaController(SlaService slas, LeadService leads) {
    this.slas = slas;
    this.leads = leads;
  }

  @GetMapping("/api/leads/{leadId}/slas")
  @Operation(summary = "The SLA instances of one lead, oldest first")
  List<SlaInstance> ofLead(@PathVariable String leadId) {
    leads.get(leadId);
    return slas.ofLead(leadId);
  }

  @GetMapping("/api/slas")
  @Operation(summary = "SLA instances that started in a period (default: the last 7 days), newest first")
  List<SlaInstance> find(
      @Parameter(description = "start of the period (inclusive), ISO-8601 instant")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @Parameter(description = "end of the period (exclusive), ISO-8601 instant; default now")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(required = false) SlaType type,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) SlaInstance.Status status,
      @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
    Instant end = to == null ? Instant.now() : to;
    return slas.find(from == null ? end.minus(7, ChronoUnit.DAYS) : from, end, type, team, owner, status, limit);
  }

  @GetMapping("/api/slas/compliance")
  @Operation(summary = "Per SLA type: started, met in time, met late, breached, open, reassigned, recycled, "
      + "cancelled and the compliance rate, over the SLAs that started in a period (default: the last 30 days)")
  List<SlaCompliance> compliance(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(required = false) String team) {
    Instant end = to == null ? Instant.now() : to;
    return slas.compliance(from == null ? end.minus(30, ChronoUnit.DAYS) : from, end, team);
  }
}
