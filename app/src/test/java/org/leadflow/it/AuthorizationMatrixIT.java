package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadflow.process.SdrQualification;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may pass which door, as one table: every role (its demo user) against the app's REST API, the engine's
 * REST API (Camunda's authorizations), Tasklist task access, the Camunda webapps' logins, our pages and the
 * actuator. A cell is what the caller meets:
 * <ul>
 *   <li>{@code ok}: past the door: 2xx, or a 4xx about the request itself (writes send a malformed body, so
 *       an allowed write changes nothing and answers 400);</li>
 *   <li>{@code 401}: asked to authenticate; {@code 403}: authenticated, not allowed; {@code 404}: the engine
 *       hides what the caller may not read (its queries filter by authorization);</li>
 *   <li>{@code login}: a page sends the browser to the login form.</li>
 * </ul>
 * A 5xx anywhere fails the test. Changing who may do what means changing this table, in review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTestBase {

  /** The columns: no credentials, then one demo user per role. */
  private static final List<String> CALLERS = List.of("anonymous", "mia", "sam", "leo", "max", "paul", "demo");
  private static final String ROLES = "anonymous, marketing, sdr, sales, sales-manager, process-owner, admin";

  /** door kind, method, path ({lead}, {sdrTask}, {deployment} filled in), then one cell per caller. */
  private static final String MATRIX = """
      api     GET    /api/leads/{lead}                        401  ok   ok   ok   ok   ok   ok
      api     POST   /api/leads                               401  ok   403  403  403  403  ok
      api     GET    /api/leads/{lead}/slas                   401  ok   ok   ok   ok   ok   ok
      api     POST   /api/leads/{lead}/reassignment           401  403  403  403  ok   403  ok
      api     GET    /api/rules                               401  ok   403  403  ok   ok   ok
      api     PUT    /api/rules/lead-fit-score                401  403  403  403  403  ok   ok
      api     POST   /api/rules/lead-fit-score/backtest       401  ok   403  403  403  ok   ok
      api     GET    /api/handovers                           401  403  403  403  ok   ok   ok
      api     POST   /api/handovers                           401  403  403  403  ok   403  ok
      api     GET    /api/teams                               401  ok   ok   ok   ok   ok   ok
      api     PUT    /api/teams/sdr-desk                      401  403  403  403  ok   403  ok
      api     PUT    /api/reps/leo                            401  403  403  403  ok   403  ok
      api     GET    /api/slas                                401  ok   ok   ok   ok   ok   ok
      api     GET    /api/calendars                           401  ok   ok   ok   ok   ok   ok
      api     PUT    /api/calendars/dach                      401  403  403  403  403  403  ok
      api     GET    /api/stuck-leads                         401  403  403  403  ok   ok   ok
      api     GET    /api/digests                             401  403  403  403  ok   403  ok
      api     GET    /api/reports/funnel?team=sdr-desk        401  ok   ok   403  ok   403  ok
      api     GET    /api/reports/funnel?team=sales-north     401  ok   403  ok   ok   403  ok
      api     GET    /api/reports/funnel                      401  ok   403  403  ok   403  ok
      api     GET    /api/reports/pipeline?team=sales-north   401  ok   403  ok   ok   403  ok
      api     GET    /api/reports/leaderboard                 401  ok   ok   ok   ok   403  ok
      api     GET    /api/campaign-costs                      401  ok   403  403  ok   403  ok
      api     POST   /api/campaign-costs                      401  ok   403  403  403  403  ok
      api     GET    /api/plans                               401  ok   403  403  ok   403  ok
      api     POST   /api/plans                               401  403  403  403  ok   403  ok
      api     GET    /api/models                              401  403  403  403  403  ok   ok
      api     GET    /api/models/bpmn/lead-lifecycle          401  403  403  403  403  ok   ok
      api     POST   /api/models/bpmn/lead-lifecycle/validation   401  403  403  403  403  ok   ok
      api     POST   /api/models/bpmn/lead-lifecycle/deployments  401  403  403  403  403  ok   ok
      api     GET    /api/no-such-door                        401  403  403  403  403  403  404
      engine  GET    /engine-rest/process-definition/key/lead-lifecycle  401  ok  ok  ok  ok  ok  ok
      engine  GET    /engine-rest/task/{sdrTask}              401  404  ok   404  404  404  ok
      engine  GET    /engine-rest/deployment/{deployment}     401  404  404  404  404  ok   ok
      webapp  POST   tasklist                                 401  ok   ok   ok   ok   ok   ok
      webapp  POST   cockpit                                  401  403  403  403  403  ok   ok
      webapp  POST   admin                                    401  403  403  403  403  403  ok
      page    GET    /digest                                  login  403  403  403  ok   403  ok
      page    GET    /reports                                 login  ok   403  403  ok   403  ok
      page    GET    /modeler                                 login  403  403  403  403  ok   ok
      actuator GET   /actuator/health                         ok   ok   ok   ok   ok   ok   ok
      actuator GET   /actuator/prometheus                     401  403  403  403  403  403  ok
      """;

  @LocalServerPort int port;

  private final Map<String, String> placeholders = new HashMap<>();

  @BeforeAll
  void aLeadInTheSdrQueue() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task sdrTask = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    placeholders.put("{lead}", leadId);
    placeholders.put("{sdrTask}", sdrTask.getId());
    placeholders.put("{deployment}", engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("lead-lifecycle").latestVersion().singleResult().getDeploymentId());
  }

  @Test
  void everyRoleMeetsEveryDoorAsTheTableSays() throws Exception {
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      List<String> cells = Arrays.asList(line.trim().split("\\s+"));
      String kind = cells.get(0);
      String method = cells.get(1);
      String path = cells.get(2);
      for (int i = 0; i < CALLERS.size(); i++) {
        String caller = CALLERS.get(i);
        String door = kind + " " + method + " " + path + " as " + caller;
        expected.put(door, cells.get(3 + i));
        actual.put(door, knock(kind, method, fill(path), caller));
      }
    }
    List<String> wrong = new ArrayList<>();
    expected.forEach((door, cell) -> {
      if (!cell.equals(actual.get(door))) {
        wrong.add(door + ": expected " + cell + ", got " + actual.get(door));
      }
    });
    assertThat(wrong).as("doors that do not behave as the matrix (%s) says", ROLES).isEmpty();
  }

  @Test
  void theCamundaWebappsRefuseAWriteWithoutTheirCsrfToken() throws Exception {
    BrowserSession browser = new BrowserSession(port);
    assertThat(webappLogin(browser, "tasklist", "sam").statusCode()).isEqualTo(200);
    String taskId = placeholders.get("{sdrTask}");
    String assignee = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();

    HttpResponse<String> forged = browser.send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/assignee",
        "{\"userId\":\"sara\"}", Map.of("Content-Type", "application/json"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .as("the forged reassignment changed nothing").isEqualTo(assignee);
  }

  private String fill(String path) {
    String filled = path;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      filled = filled.replace(placeholder.getKey(), placeholder.getValue());
    }
    return filled;
  }

  private String knock(String kind, String method, String path, String caller) throws Exception {
    boolean anonymous = caller.equals("anonymous");
    BrowserSession browser = new BrowserSession(port);
    HttpResponse<String> response = switch (kind) {
      case "api", "engine", "actuator" -> browser.send(method, path, method.equals("GET") ? null : "{",
          anonymous ? Map.of("Accept", "application/json", "Content-Type", "application/json")
              : Map.of("Accept", "application/json", "Content-Type", "application/json",
                  "Authorization", BrowserSession.basic(caller)));
      case "webapp" -> anonymous
          ? browser.send("GET", "/camunda/api/engine/engine/default/task/count", null, Map.of("Accept", "application/json"))
          : webappLogin(browser, path, caller);
      case "page" -> {
        if (!anonymous) {
          pageLogin(browser, caller);
        }
        yield browser.send(method, path, null, Map.of());
      }
      default -> throw new IllegalArgumentException("door kind " + kind);
    };
    int status = response.statusCode();
    assertThat(status).as("%s %s %s as %s: %s", kind, method, path, caller, response.body()).isLessThan(500);
    if (status == 302) {
      return response.headers().firstValue("Location").orElse("").endsWith("/login") ? "login" : "302";
    }
    return status == 401 || status == 403 || status == 404 ? String.valueOf(status) : "ok";
  }

  /** The Camunda webapps' own login (what their login page posts), after fetching their CSRF cookie. */
  private HttpResponse<String> webappLogin(BrowserSession browser, String app, String user)
      throws IOException, InterruptedException {
    browser.send("GET", "/camunda/app/" + app + "/default/", null, Map.of());
    Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
    if (browser.cookie("XSRF-TOKEN") != null) {
      headers.put("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
    }
    return browser.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        BrowserSession.form("username", user, "password", user), headers);
  }

  private void pageLogin(BrowserSession browser, String user) throws IOException, InterruptedException {
    browser.send("GET", "/login", null, Map.of());
    HttpResponse<String> login = browser.send("POST", "/login",
        BrowserSession.form("username", user, "password", user, "_csrf", browser.cookie("LEADFLOW-XSRF-TOKEN")), Map.of());
    assertThat(login.statusCode()).as("login of %s", user).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }
}
