package org.leadflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;

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

  @Test
  void springsOwnRefusalsKeepTheirStatusInsteadOfBecomingAnInternalError() {
    ResponseEntity<ProblemDetail> mediaType = handler.unexpected(new HttpMediaTypeNotSupportedException(
        MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)));
    ResponseEntity<ProblemDetail> method = handler.unexpected(new HttpRequestMethodNotSupportedException("PATCH",
        List.of("GET", "POST")));
    ResponseEntity<ProblemDetail> parameter = handler.unexpected(new MissingServletRequestParameterException("from",
        "String"));

    assertThat(mediaType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(mediaType.getHeaders().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
    assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(method.getHeaders().getAllow()).extracting(Object::toString).containsExactlyInAnyOrder("GET", "POST");
    assertThat(parameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(parameter.getBody().getProperties()).containsKey("errors");
    assertThat(parameter.getBody().getDetail()).contains("from");
  }
}
