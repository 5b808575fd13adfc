package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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

  private BrowserSession browser;

  @BeforeEach
  void aNewBrowser() {
    browser = new BrowserSession(port);
  }

  @Test
  void aManagerLogsInReadsTheDigestsWithTheSessionAndLogsOut() throws Exception {
    HttpResponse<String> page = browser.send("GET", "/digest", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> login = browser.send("GET", "/login", null, Map.of());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("<form").contains("name=\"_csrf\"");
    assertThat(browser.cookies()).containsKey(CSRF_COOKIE);

    // without the token the login is refused, with a wrong password it goes back to the form
    assertThat(browser.send("POST", "/login", BrowserSession.form("username", "max", "password", "max"), Map.of()).statusCode())
        .isEqualTo(403);
    // (a wrong password of a real user would lock them for a few seconds: the engine's login throttling)
    HttpResponse<String> wrong = browser.send("POST", "/login",
        BrowserSession.form("username", "nobody-" + unique(), "password", "nope", "_csrf", browser.cookie(CSRF_COOKIE)), Map.of());
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

    HttpResponse<String> ok = browser.send("POST", "/login",
        BrowserSession.form("username", "max", "password", "max", "_csrf", browser.cookie(CSRF_COOKIE)), Map.of());
    assertThat(ok.statusCode()).isEqualTo(302);
    // back to the page that asked for the login (Spring Security's saved request)
    assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/digest(\\?continue)?");
    assertThat(browser.cookies()).containsKey("JSESSIONID");

    HttpResponse<String> digestPage = browser.send("GET", "/digest", null, Map.of());
    assertThat(digestPage.statusCode()).isEqualTo(200);
    assertThat(digestPage.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(digestPage.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(digestPage.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    // the page's script reads the API with the session, no password
    HttpResponse<String> digests = browser.send("GET", "/api/digests", null, Map.of("Accept", "application/json"));
    assertThat(digests.statusCode()).isEqualTo(200);
    assertThat(json.readTree(digests.body()).isArray()).isTrue();

    // a write on the session without the token is what a forged cross-site request looks like: refused
    HttpResponse<String> forged = browser.send("POST", "/api/leads", "{}", Map.of("Content-Type", "application/json"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(problem(forged).path("detail").asText()).contains(CSRF_HEADER);
    // with the token it passes the CSRF check and meets the ordinary authorization (max may not capture)
    HttpResponse<String> withToken = browser.send("POST", "/api/leads", "{}",
        Map.of("Content-Type", "application/json", CSRF_HEADER, browser.cookie(CSRF_COOKIE)));
    assertThat(withToken.statusCode()).isEqualTo(403);
    assertThat(problem(withToken).path("detail").asText()).contains("Your groups do not allow POST /api/leads");

    HttpResponse<String> logout = browser.send("POST", "/logout", BrowserSession.form("_csrf", browser.cookie(CSRF_COOKIE)), Map.of());
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    browser.cookies().remove(CSRF_COOKIE);
    assertThat(browser.send("GET", "/digest", null, Map.of()).statusCode()).isEqualTo(302);
    assertThat(browser.send("GET", "/api/digests", null, Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
  }

  @Test
  void anSdrLogsInButMayNotSeeTheDigest() throws Exception {
    browser.send("GET", "/login", null, Map.of());
    browser.send("POST", "/login", BrowserSession.form("username", "sam", "password", "sam", "_csrf", browser.cookie(CSRF_COOKIE)), Map.of());

    HttpResponse<String> page = browser.send("GET", "/digest", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your groups do not allow this page");
    assertThat(browser.send("GET", "/api/digests", null, Map.of("Accept", "application/json")).statusCode()).isEqualTo(403);
  }

  @Test
  void theReportsPageIsForMarketingWithItsChartLibraryUnderTheSameStrictPolicy() throws Exception {
    HttpResponse<String> anonymous = browser.send("GET", "/reports?channel=web-form", null, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    // ECharts comes from its WebJar, open like the other assets, no CDN
    HttpResponse<String> echarts = browser.send("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, Map.of());
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");

    logIn("mia");
    HttpResponse<String> page = browser.send("GET", "/reports?channel=web-form", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("/js/reports.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
  }

  @Test
  void anSdrMayNotSeeTheReportsPage() throws Exception {
    logIn("sam");
    HttpResponse<String> page = browser.send("GET", "/reports", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your groups do not allow this page");
  }

  @Test
  void theModelerPageAsksForALoginRefusesAnSdrOpensForAProcessOwnerAndAloneAllowsInlineStyles() throws Exception {
    HttpResponse<String> anonymous = browser.send("GET", "/modeler?type=bpmn&key=lead-lifecycle", null, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    // the bundle under /modeler/ is an asset like /js/**: no login asked for
    assertThat(browser.send("GET", "/modeler/no-such-asset.js", null, Map.of()).statusCode()).isEqualTo(404);

    logIn("sam");
    HttpResponse<String> page = browser.send("GET", "/modeler", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your groups do not allow this page");
    assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("style-src 'self' 'unsafe-inline';").contains("script-src 'self';")
        .contains("frame-ancestors 'none'");
    assertThat(browser.send("GET", "/modeler.html", null, Map.of()).statusCode()).isEqualTo(403);
    HttpResponse<String> digest = browser.send("GET", "/digest", null, Map.of());
    assertThat(digest.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("style-src 'self';").doesNotContain("unsafe-inline");

    browser = new BrowserSession(port);
    logIn("paul");
    HttpResponse<String> modeler = browser.send("GET", "/modeler?type=bpmn&key=lead-lifecycle", null, Map.of());
    assertThat(modeler.statusCode()).isEqualTo(200);
    assertThat(modeler.body()).contains("/modeler/");
    assertThat(modeler.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("style-src 'self' 'unsafe-inline';").contains("script-src 'self';");
  }

  private void logIn(String user) throws IOException, InterruptedException {
    browser.send("GET", "/login", null, Map.of());
    HttpResponse<String> login = browser.send("POST", "/login",
        BrowserSession.form("username", user, "password", user, "_csrf", browser.cookie(CSRF_COOKIE)), Map.of());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void theApiStaysStatelessBasicAndAnAnonymousWriteIsUnauthorized() throws Exception {
    HttpResponse<String> anonymous = browser.send("POST", "/api/leads", "{}", Map.of("Content-Type", "application/json"));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    assertThat(problem(anonymous).path("title").asText()).isEqualTo("Authentication required");

    String basic = BrowserSession.basic("max");
    HttpResponse<String> read = browser.send("GET", "/api/digests", null, Map.of("Authorization", basic));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
  }

  private JsonNode problem(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    return json.readTree(response.body());
  }
}
