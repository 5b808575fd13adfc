package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app's own pages as a browser meets them, cookie by cookie (no redirects followed): a page asks for
 * the login, the form login needs the CSRF token and sets a session, the pages' API calls ride on that
 * session and their writes need the token, security headers, logout ends the session; and the API's
 * HTTP Basic door is unchanged (an anonymous write is a 401, not a CSRF refusal).
 */
class PagesSecurityIT extends IntegrationTestBase {

  private static final String CSRF_COOKIE = "LEADFLOW-XSRF-TOKEN";
  private static final String CSRF_HEADER = "X-LEADFLOW-XSRF-TOKEN";

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  /** The browser's cookie jar. */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  @Test
  void aManagerLogsInReadsTheDigestsWithTheSessionAndLogsOut() throws Exception {
    HttpResponse<String> page = send("GET", "/digest", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> login = send("GET", "/login", null, Map.of());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("<form").contains("name=\"_csrf\"");
    assertThat(cookies).containsKey(CSRF_COOKIE);

    // without the token the login is refused, with a wrong password it goes back to the form
    assertThat(send("POST", "/login", form("username", "max", "password", "max"), Map.of()).statusCode())
        .isEqualTo(403);
    // (a wrong password of a real user would lock them for a few seconds: the engine's login throttling)
    HttpResponse<String> wrong = send("POST", "/login",
        form("username", "nobody-" + unique(), "password", "nope", "_csrf", cookies.get(CSRF_COOKIE)), Map.of());
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

    HttpResponse<String> ok = send("POST", "/login",
        form("username", "max", "password", "max", "_csrf", cookies.get(CSRF_COOKIE)), Map.of());
    assertThat(ok.statusCode()).isEqualTo(302);
    // back to the page that asked for the login (Spring Security's saved request)
    assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/digest(\\?continue)?");
    assertThat(cookies).containsKey("JSESSIONID");

    HttpResponse<String> digestPage = send("GET", "/digest", null, Map.of());
    assertThat(digestPage.statusCode()).isEqualTo(200);
    assertThat(digestPage.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(digestPage.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(digestPage.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    // the page's script reads the API with the session, no password
    HttpResponse<String> digests = send("GET", "/api/digests", null, Map.of("Accept", "application/json"));
    assertThat(digests.statusCode()).isEqualTo(200);
    assertThat(json.readTree(digests.body()).isArray()).isTrue();

    // a write on the session without the token is what a forged cross-site request looks like: refused
    HttpResponse<String> forged = send("POST", "/api/leads", "{}", Map.of("Content-Type", "application/json"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(problem(forged).path("detail").asText()).contains(CSRF_HEADER);
    // with the token it passes the CSRF check and meets the ordinary authorization (max may not capture)
    HttpResponse<String> withToken = send("POST", "/api/leads", "{}",
        Map.of("Content-Type", "application/json", CSRF_HEADER, cookies.get(CSRF_COOKIE)));
    assertThat(withToken.statusCode()).isEqualTo(403);
    assertThat(problem(withToken).path("detail").asText()).contains("Your groups do not allow POST /api/leads");

    HttpResponse<String> logout = send("POST", "/logout", form("_csrf", cookies.get(CSRF_COOKIE)), Map.of());
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    cookies.remove(CSRF_COOKIE);
    assertThat(send("GET", "/digest", null, Map.of()).statusCode()).isEqualTo(302);
    assertThat(send("GET", "/api/digests", null, Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
  }

  @Test
  void anSdrLogsInButMayNotSeeTheDigest() throws Exception {
    send("GET", "/login", null, Map.of());
    send("POST", "/login", form("username", "sam", "password", "sam", "_csrf", cookies.get(CSRF_COOKIE)), Map.of());

    HttpResponse<String> page = send("GET", "/digest", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your groups do not allow this page");
    assertThat(send("GET", "/api/digests", null, Map.of("Accept", "application/json")).statusCode()).isEqualTo(403);
  }

  @Test
  void theReportsPageIsForMarketingWithItsChartLibraryUnderTheSameStrictPolicy() throws Exception {
    HttpResponse<String> anonymous = send("GET", "/reports?channel=web-form", null, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    // ECharts comes from its WebJar, open like the other assets, no CDN
    HttpResponse<String> echarts = send("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, Map.of());
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");

    logIn("mia");
    HttpResponse<String> page = send("GET", "/reports?channel=web-form", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("/js/reports.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
  }

  @Test
  void anSdrMayNotSeeTheReportsPage() throws Exception {
    logIn("sam");
    HttpResponse<String> page = send("GET", "/reports", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your groups do not allow this page");
  }

  private void logIn(String user) throws IOException, InterruptedException {
    send("GET", "/login", null, Map.of());
    HttpResponse<String> login = send("POST", "/login",
        form("username", user, "password", user, "_csrf", cookies.get(CSRF_COOKIE)), Map.of());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void theApiStaysStatelessBasicAndAnAnonymousWriteIsUnauthorized() throws Exception {
    HttpResponse<String> anonymous = send("POST", "/api/leads", "{}", Map.of("Content-Type", "application/json"));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    assertThat(problem(anonymous).path("title").asText()).isEqualTo("Authentication required");

    String basic = "Basic " + Base64.getEncoder().encodeToString("max:max".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> read = send("GET", "/api/digests", null, Map.of("Authorization", basic));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
  }

  private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }

  private static String form(String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  private JsonNode problem(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    return json.readTree(response.body());
  }
}
