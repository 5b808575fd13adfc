package org.leadflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A ceiling on request bodies of the app's API ({@code /api/*}, default 2 MB, {@code lead.api.max-request-size}):
 * a body announced larger is refused at once with 413 problem details, before authentication or parsing; a
 * body without a length (chunked) is cut off when it passes the ceiling, and the request then fails with the
 * same 413 ({@link RequestTooLargeException}, mapped by {@code ApiProblemHandler}). Nothing of it is stored.
 * Tomcat reads and drops the rest of a refused body up to {@code server.tomcat.max-swallow-size} (16 MB), so the
 * client reads the 413 instead of a reset connection; a larger body gets its connection closed.
 * The largest legitimate bodies are CSV uploads of campaign costs and plans, far below the ceiling.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

  /** Thrown by the body's stream past the ceiling. */
  static final class RequestTooLargeException extends IOException {
    private final long limit;

    RequestTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(
      @Value("${lead.api.max-request-size:2MB}") DataSize maxRequestSize, ObjectMapper json) {
    long limit = maxRequestSize.toBytes();
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > limit) {
          ProblemDetail problem = tooLarge(limit);
          response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          json.writeValue(response.getOutputStream(), problem);
          return;
        }
        chain.doFilter(length >= 0 ? request : new LimitedBody(request, limit), response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("api-request-size-limit");
    return registration;
  }

  static ProblemDetail tooLarge(long limit) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + limit + " bytes, the most this API takes; nothing was stored");
    problem.setTitle("Request too large");
    problem.setProperty("maxBytes", limit);
    return problem;
  }

  /** A request whose body stream fails with {@link RequestTooLargeException} past the ceiling. */
  private static final class LimitedBody extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > limit) {
              throw new RequestTooLargeException(limit);
            }
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
