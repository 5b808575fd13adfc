package org.leadflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiProblemHandlerTest {

  private final ApiProblemHandler handler = new ApiProblemHandler();

  @Test
  void aLockWaitThatTimedOutTellsTheCallerToSendTheSameRequestAgain() {
    ResponseEntity<ProblemDetail> answer = handler.unexpected(new CannotAcquireLockException(
        "Timeout trying to lock table \"LEAD_TEAM\""));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    assertThat(answer.getBody().getDetail()).contains("nothing was stored").contains("send the same request again");
  }

  @Test
  void aBugIsStillAnInternalErrorWithAReferenceToQuote() {
    ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("a bug"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    assertThat(answer.getBody().getProperties()).containsKey("reference");
  }
}
