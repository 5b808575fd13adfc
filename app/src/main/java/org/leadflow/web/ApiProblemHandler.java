package org.leadflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadflow.calendar.CalendarNotFoundException;
import org.leadflow.calendar.InvalidCalendarException;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.JsonFieldErrors;
import org.leadflow.capture.InvalidSubmissionException;
import org.leadflow.events.TransientFailures;
import org.leadflow.lead.LeadNotFoundException;
import org.leadflow.people.InvalidPeopleChangeException;
import org.leadflow.people.PeopleNotFoundException;
import org.leadflow.reports.InvalidReportFilterException;
import org.leadflow.reports.ReportForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input gets a 400 {@code application/problem+json} whose {@code errors} name every bad field;
 * never a 500. Unknown ids get a 404. A request the database was too busy for gets a 503 with
 * {@code Retry-After}: it stored nothing and may be sent again.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "org.leadflow")
class ApiProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    return badRequest(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList());
  }

  @ExceptionHandler(InvalidSubmissionException.class)
  ProblemDetail invalidSubmission(InvalidSubmissionException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(HandlerMethodValidationException e) {
    return badRequest(e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalidParameters(ConstraintViolationException e) {
    return badRequest(e.getConstraintViolations().stream()
        .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(new FieldError(e.getName(), JsonFieldErrors.allowedValues(e.getRequiredType()))));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.RequestTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestSizeLimit.tooLarge(tooLarge.limit()));
      }
    }
    return ResponseEntity.badRequest().body(unreadableBody(e));
  }

  private static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return badRequest(JsonFieldErrors.of(json, "body"));
    }
    return badRequest(List.of(new FieldError("body", "must be a JSON object")));
  }

  @ExceptionHandler(LeadNotFoundException.class)
  ProblemDetail notFound(LeadNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Lead not found");
    return problem;
  }

  @ExceptionHandler(InvalidPeopleChangeException.class)
  ProblemDetail invalidPeopleChange(InvalidPeopleChangeException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(InvalidCalendarException.class)
  ProblemDetail invalidCalendar(InvalidCalendarException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(InvalidReportFilterException.class)
  ProblemDetail invalidReportFilter(InvalidReportFilterException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(ReportForbiddenException.class)
  ProblemDetail reportForbidden(ReportForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler({PeopleNotFoundException.class, CalendarNotFoundException.class})
  ProblemDetail notFound(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  /**
   * The database was busy (a lock wait timed out, a deadlock, a lost connection): the transaction rolled back,
   * so nothing of the request was stored, and sending it again is safe (a lead's source and external id make
   * a re-sent submission a detected duplicate). 503 with {@code Retry-After}, not a 500.
   */
  static final int RETRY_AFTER_SECONDS = 2;

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (e instanceof ErrorResponse standard) {
      // Spring MVC's own refusals (415 media type, 405 method, 406, a missing parameter, no such path): their
      // status and problem, not a 500; a 400 of theirs names what it is about like ours do
      ProblemDetail problem = standard.getBody();
      if (standard.getStatusCode().value() == 400 && problem.getProperties() == null) {
        problem.setProperty("errors", List.of(new FieldError("request", String.valueOf(problem.getDetail()))));
      }
      return ResponseEntity.status(standard.getStatusCode()).headers(standard.getHeaders()).body(problem);
    }
    if (TransientFailures.isTransient(e)) {
      log.warn("Request rolled back on a transient database failure (answered 503): {}", e.toString());
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "The database was busy and nothing was stored; send the same request again (a re-sent lead is "
              + "recognised by its source and external id)");
      problem.setTitle("Busy, try again");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
    }
    return ResponseEntity.internalServerError().body(internalError(e));
  }

  private static ProblemDetail internalError(Exception e) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error, reference {}", reference, e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Unexpected error; quote reference " + reference + " when reporting it");
    problem.setTitle("Internal error");
    problem.setProperty("reference", reference);
    return problem;
  }

  private static ProblemDetail badRequest(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
