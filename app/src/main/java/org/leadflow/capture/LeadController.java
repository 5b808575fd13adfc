package org.leadflow.capture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadFilter;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TimelineEntry;
import org.leadflow.scoring.LeadScoringService;
import org.leadflow.scoring.ScoreExplanation;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Capture and read leads. */
@RestController
@RequestMapping("/api/leads")
@Validated
@Tag(name = "Leads", description = "Capture leads from channels and read them with their timeline")
@SecurityRequirement(name = "basic")
class LeadController {

  private final LeadCaptureService capture;
  private final LeadService leads;
  private final LeadScoringService scoring;

  LeadController(LeadCaptureService capture, LeadService leads, LeadScoringService scoring) {
    this.capture = capture;
    this.leads = leads;
    this.scoring = scoring;
  }

  @PostMapping
  @Operation(summary = "Capture a lead",
      description = "201 with Location for a new lead; 200 with the existing lead when this source + externalId "
          + "was captured before (nothing new is created), or when the contact matches an open lead (the "
          + "submission is attached to it as a re-engagement). 400 problem details name each bad field.")
  ResponseEntity<CaptureResponse> capture(@Valid @RequestBody LeadCaptureRequest request, Principal principal) {
    LeadCaptureService.CaptureResult result = capture.capture(request, principal.getName());
    CaptureResponse body = new CaptureResponse(result.outcome(), result.lead());
    if (result.outcome() == LeadCaptureService.Outcome.CREATED) {
      URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
          .buildAndExpand(result.lead().id()).toUri();
      return ResponseEntity.created(location).body(body);
    }
    return ResponseEntity.ok(body);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A lead with why its score is what it is and its timeline",
      description = "score: fit, engagement as booked and after decay, total, threshold, sales-ready and the "
          + "rule (table and version) that decides, plus the score ledger; timeline: stages, assignments, score "
          + "ledger, SLA events, activities")
  LeadWithTimeline get(@PathVariable String id) {
    return new LeadWithTimeline(leads.get(id), scoring.explain(id), leads.timeline(id));
  }

  @GetMapping
  @Operation(summary = "List leads, newest first, with filters and paging")
  LeadPage list(@RequestParam(required = false) LeadStage stage,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String email,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    LeadFilter filter = new LeadFilter(stage, source == null ? null : source.toLowerCase(), campaign, owner,
        email == null ? null : email.strip().toLowerCase(), page * size, size);
    return new LeadPage(leads.find(filter), page, size, leads.count(filter));
  }

  record CaptureResponse(LeadCaptureService.Outcome outcome, Lead lead) {}

  record LeadWithTimeline(Lead lead, ScoreExplanation score, List<TimelineEntry> timeline) {}

  record LeadPage(List<Lead> items, int page, int size, long total) {}
}
