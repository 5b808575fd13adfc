package org.leadflow.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.InvalidSubmissionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision tables process owners own: read them, and deploy a changed one after validation. */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "Rules", description = "The DMN decision tables (processes/*.dmn): list, read, validate and deploy")
@SecurityRequirement(name = "basic")
class RulesController {

  static final String NOTE_HEADER = ChangeNotes.HEADER;

  private final RulesService rules;

  RulesController(RulesService rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "The latest version of every decision, with its deployment time and, when deployed "
      + "through this API, who deployed it and why")
  List<RulesService.RuleVersion> list() {
    return rules.list();
  }

  @GetMapping("/{key}")
  @Operation(summary = "The DMN XML of the latest version of a decision")
  ResponseEntity<String> xml(@PathVariable String key) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(rules.xml(key));
  }

  @PutMapping("/{key}")
  @Operation(summary = "Validate and deploy a changed decision table (DMN XML body) as its next version",
      description = "The change note is required (query parameter note or header X-Change-Note). 422 problem "
          + "details when the table does not parse, lacks the decision or an output the application reads, or "
          + "fails for inputs generated from its own cells (e.g. two rules of a UNIQUE table match); nothing is "
          + "deployed then and the current version keeps deciding.")
  RulesService.RuleVersion deploy(@PathVariable String key, @RequestBody(required = false) String xml,
      @RequestParam(name = "note", required = false) String note,
      @RequestHeader(name = NOTE_HEADER, required = false) String noteHeader, Principal principal) {
    String changeNote = ChangeNotes.required(note, noteHeader);
    if (xml == null || xml.isBlank()) {
      throw new InvalidSubmissionException(List.of(new FieldError("body", "must be the DMN XML of the table")));
    }
    return rules.deploy(key, xml, changeNote, principal.getName());
  }

  @ExceptionHandler(InvalidRuleException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRuleException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Rule change rejected");
    problem.setProperty("decision", e.decisionKey());
    problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(UnknownRuleException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownRuleException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Decision not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
