package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leadflow.calendar.BusinessTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Business calendars through REST: read by the working groups, edited by admins, edits counted at once. */
class CalendarApiIT extends IntegrationTestBase {

  private static final String DUE = "/api/calendars/%s/due?start=2026-12-04T15:00:00Z&workingTime=PT4H";

  @Autowired BusinessTime businessTime;

  private ResponseEntity<JsonNode> send(HttpMethod method, String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ObjectNode calendar(String zone, String day, String start, String end) {
    ObjectNode calendar = json.createObjectNode().put("name", "IT calendar").put("timeZone", zone);
    calendar.putArray("hours").addObject().put("day", day).put("start", start).put("end", end);
    return calendar;
  }

  @Test
  void workingGroupsReadTheReferenceCalendarsAndTheDuePreview() {
    JsonNode all = get("leo", "/api/calendars").getBody();
    assertThat(all.findValuesAsText("id")).contains("default", "de-berlin", "fr-paris");
    JsonNode germany = get("sam", "/api/calendars/de-berlin").getBody();
    assertThat(germany.path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(germany.path("teams").toString()).contains("sales-north", "sdr-desk");
    assertThat(germany.path("holidays").findValuesAsText("date")).contains("2026-10-03");

    JsonNode due = get("mia", DUE.formatted("de-berlin")).getBody();
    assertThat(due.path("dueInZone").asText()).isEqualTo("2026-12-07T12:00:00+01:00");
    assertThat(businessTime.plus("sales-north", Instant.parse("2026-12-04T15:00:00Z"), Duration.ofHours(4)))
        .isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
    assertThat(get("mia", "/api/calendars/no-such").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyAdminsEditCalendars() {
    ObjectNode body = calendar("Europe/Berlin", "MONDAY", "09:00", "17:00");
    assertThat(send(HttpMethod.PUT, "max", "/api/calendars/it-forbidden", body).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(HttpMethod.POST, "paul", "/api/calendars/de-berlin/holidays",
        json.createObjectNode().put("date", "2026-12-24").put("name", "Heiligabend")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(HttpMethod.PUT, "max", "/api/calendars/de-berlin/teams/sales-west", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    assertThat(fields(send(HttpMethod.PUT, "demo", "/api/calendars/it-bad", calendar("Mars/Olympus", "FUNDAY",
        "17:00", "09:00")))).contains("timeZone", "hours[0].day", "hours[0].end");
    ObjectNode overlapping = calendar("UTC", "MONDAY", "09:00", "13:00");
    ((com.fasterxml.jackson.databind.node.ArrayNode) overlapping.get("hours")).addObject()
        .put("day", "MONDAY").put("start", "12:00").put("end", "17:00");
    assertThat(fields(send(HttpMethod.PUT, "demo", "/api/calendars/it-bad", overlapping))).containsExactly("hours[1]");
    ObjectNode empty = json.createObjectNode().put("name", "Never").put("timeZone", "UTC");
    empty.putArray("hours");
    assertThat(fields(send(HttpMethod.PUT, "demo", "/api/calendars/it-bad", empty))).containsExactly("hours");
    assertThat(fields(send(HttpMethod.POST, "demo", "/api/calendars/de-berlin/holidays",
        json.createObjectNode().put("date", "24.12.2026").put("name", "Heiligabend")))).containsExactly("date");
    assertThat(fields(get("demo", "/api/calendars/de-berlin/due?start=friday&workingTime=PT4H")))
        .containsExactly("start");
    assertThat(fields(get("demo", "/api/calendars/de-berlin/due?start=2026-12-04T16:00:00Z")))
        .containsExactly("workingTime");
    assertThat(get("demo", "/api/calendars/it-bad").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anEditChangesTheNextDueDateWithoutRestart() {
    String id = "it-" + unique();
    assertThat(send(HttpMethod.PUT, "demo", "/api/calendars/" + id,
        calendar("Europe/Berlin", "MONDAY", "09:00", "17:00")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("demo", DUE.formatted(id)).getBody().path("dueInZone").asText())
        .isEqualTo("2026-12-07T13:00:00+01:00");

    assertThat(send(HttpMethod.POST, "demo", "/api/calendars/" + id + "/holidays",
        json.createObjectNode().put("date", "2026-12-07").put("name", "Closed")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(get("demo", DUE.formatted(id)).getBody().path("dueInZone").asText())
        .isEqualTo("2026-12-14T13:00:00+01:00");

    Instant start = Instant.parse("2026-12-04T15:00:00Z");
    try {
      assertThat(send(HttpMethod.PUT, "demo", "/api/calendars/" + id + "/teams/sales-west", null).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(businessTime.plus("sales-west", start, Duration.ofHours(4)))
          .isEqualTo(Instant.parse("2026-12-14T12:00:00Z"));
    } finally {
      send(HttpMethod.PUT, "demo", "/api/calendars/fr-paris/teams/sales-west", null);
    }
    assertThat(businessTime.plus("sales-west", start, Duration.ofHours(4)))
        .isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
    assertThat(send(HttpMethod.DELETE, "demo", "/api/calendars/" + id + "/holidays/2026-12-07", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("demo", DUE.formatted(id)).getBody().path("dueInZone").asText())
        .isEqualTo("2026-12-07T13:00:00+01:00");
  }

  private static java.util.List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().path("errors").findValuesAsText("field");
  }
}
