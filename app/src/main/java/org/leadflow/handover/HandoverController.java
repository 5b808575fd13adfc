package org.leadflow.handover;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rep hand-over over REST (the same process a manager starts in Tasklist). */
@RestController
@RequestMapping("/api/handovers")
@Tag(name = "Hand-over", description = "Move a departing or absent rep's leads, tasks and timers to successors")
class HandoverController {

  private final HandoverService handovers;

  HandoverController(HandoverService handovers) {
    this.handovers = handovers;
  }

  @PostMapping
  @Operation(summary = "Hand over a rep's open leads (sales-manager, admin); answers with what moved")
  ResponseEntity<Handover.Report> request(@Valid @RequestBody HandoverRequest request, Principal principal) {
    Handover.Report report = handovers.request(request, principal.getName());
    return ResponseEntity.created(URI.create("/api/handovers/" + report.handover().id())).body(report);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One hand-over with every lead it moved")
  Handover.Report get(@PathVariable long id) {
    return handovers.report(id);
  }

  @GetMapping
  @Operation(summary = "The latest 100 hand-overs, optionally of one rep")
  List<Handover> recent(@RequestParam(required = false) String rep) {
    return handovers.recent(rep);
  }
}
