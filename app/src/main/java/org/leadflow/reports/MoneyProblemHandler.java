package org.leadflow.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.leadflow.capture.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad costs, plans and report parameters answer 400 with every bad value named ({@code errors}: for a
 * CSV upload {@code {row, field, message}}, else {@code {field, message}}). A report the caller's
 * teams do not cover answers 403 through {@code web.ApiProblemHandler}, as the other reports do.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {CampaignCostController.class, PlanController.class,
    MoneyReportController.class})
class MoneyProblemHandler {

  @ExceptionHandler(InvalidUploadException.class)
  ProblemDetail invalid(InvalidUploadException e, HttpServletRequest request) {
    boolean csv = request.getContentType() != null
        && MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.valueOf("text/csv"));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.errors().stream()
        .map(error -> (csv ? "row " + error.row() + " " : "") + error.field() + " " + error.message())
        .collect(Collectors.joining("; ")) + (csv ? "; nothing was stored" : ""));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", csv ? e.errors()
        : e.errors().stream().map(error -> new FieldError(error.field(), error.message())).toList());
    return problem;
  }

  @ExceptionHandler(MoneyNotFoundException.class)
  ProblemDetail notFound(MoneyNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  static InvalidUploadException parameter(String name, String message) {
    return new InvalidUploadException(List.of(new RowError(0, name, message)));
  }
}
