package org.leadflow.handover;

import java.util.List;
import org.leadflow.capture.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A hand-over that cannot be carried out answers 400 (which field) or 409 (what is in the way), never 500. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = HandoverController.class)
class HandoverProblemHandler {

  @ExceptionHandler(InvalidHandoverException.class)
  ProblemDetail invalid(InvalidHandoverException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + " " + e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    return problem;
  }

  @ExceptionHandler(HandoverNotFoundException.class)
  ProblemDetail notFound(HandoverNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Hand-over not found");
    return problem;
  }

  /** E.g. no eligible successor, or work left with the rep: nothing was moved. */
  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage() + "; nothing was moved");
    problem.setTitle("Hand-over not possible");
    return problem;
  }
}
