package org.leadflow.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leadflow.rules.RuleEvaluationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Back-tests of changed scoring tables against closed leads (see {@link ScoringBacktest}). */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "Rules", description = "Try a changed decision table before deploying it")
@SecurityRequirement(name = "basic")
class ScoringBacktestController {

  private final ScoringBacktest backtest;

  ScoringBacktestController(ScoringBacktest backtest) {
    this.backtest = backtest;
  }

  @PostMapping("/{decisionKey}/backtest")
  @Operation(summary = "Back-test a candidate lead-sales-ready or lead-fit-score table against won and lost leads",
      description = "Body: the candidate DMN file (any content type, e.g. application/xml); its decision id must "
          + "be the path's. Answer: per won/lost/total the number of leads and how many the deployed table "
          + "(current) and the candidate call sales-ready, and up to 100 leads whose verdict changes. 422 "
          + "problem details with the parser's message when the candidate does not parse or cannot decide; "
          + "404 for a decision that cannot be back-tested.")
  ScoringBacktest.Result backtest(@PathVariable String decisionKey, @RequestBody(required = false) String candidate) {
    if (!ScoringBacktest.supports(decisionKey)) {
      throw new UnsupportedBacktest(decisionKey);
    }
    return backtest.run(decisionKey, candidate);
  }

  @ExceptionHandler(RuleEvaluationException.class)
  ProblemDetail invalidCandidate(RuleEvaluationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Candidate decision table rejected");
    problem.setProperty("decision", e.decisionKey());
    return problem;
  }

  @ExceptionHandler(UnsupportedBacktest.class)
  ProblemDetail unsupported(UnsupportedBacktest e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No back-test for this decision");
    return problem;
  }

  static class UnsupportedBacktest extends RuntimeException {
    UnsupportedBacktest(String decisionKey) {
      super("no back-test for '" + decisionKey + "'; back-tests exist for " + LeadScoringService.SALES_READY_TABLE
          + " and " + LeadScoringService.FIT_TABLE);
    }
  }
}
