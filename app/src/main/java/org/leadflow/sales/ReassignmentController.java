package org.leadflow.sales;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A sales manager (or admin) takes a lead from its rep: opens a "Reassign lead" task for them in Tasklist. */
@RestController
@Tag(name = "Leads")
@SecurityRequirement(name = "basic")
class ReassignmentController {

  private final ReassignmentService reassignments;

  ReassignmentController(ReassignmentService reassignments) {
    this.reassignments = reassignments;
  }

  record ReassignmentTask(String leadId, String taskId, String assignee) {}

  @PostMapping("/api/leads/{id}/reassignment")
  @Operation(summary = "Ask to reassign a lead in sales follow-up",
      description = "202 with the Reassign lead task (assigned to the caller; candidate group sales-manager): "
          + "completing it with a rep, or empty to let routing pick, moves the lead and its open tasks. "
          + "409 when the lead is not in sales follow-up.")
  ResponseEntity<ReassignmentTask> request(@PathVariable String id, Principal principal) {
    String taskId = reassignments.request(id, principal.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReassignmentTask(id, taskId, principal.getName()));
  }

  @ExceptionHandler(ReassignmentService.NotInSalesFollowUpException.class)
  ProblemDetail notInSalesFollowUp(ReassignmentService.NotInSalesFollowUpException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Nothing to reassign");
    return problem;
  }
}
