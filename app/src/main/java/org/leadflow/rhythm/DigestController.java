package org.leadflow.rhythm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.leadflow.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/digests} (newest first; {@code teamId}, {@code limit}) and {@code GET /api/digests/{id}}:
 * a sales manager sees the digests of the teams they supervise, an admin every digest. HTTP Basic for
 * scripts, or the session of the {@code /digest} page.
 */
@RestController
@Validated
class DigestController {

  private final DigestService digests;
  private final ObjectMapper json;

  DigestController(DigestService digests, ObjectMapper json) {
    this.digests = digests;
    this.json = json;
  }

  @GetMapping("/api/digests")
  List<DigestView> list(Authentication user, @RequestParam(required = false) String teamId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return digests.find(isAdmin(user) ? null : user.getName(), teamId, limit).stream().map(this::view).toList();
  }

  @GetMapping("/api/digests/{id}")
  ResponseEntity<?> one(Authentication user, @PathVariable long id) {
    return digests.find(id)
        .filter(digest -> isAdmin(user) || user.getName().equals(digest.managerId()))
        .<ResponseEntity<?>>map(digest -> ResponseEntity.ok(view(digest)))
        .orElseGet(() -> {
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
              "No digest " + id + " of a team you supervise");
          problem.setTitle("Digest not found");
          return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
  }

  private static boolean isAdmin(Authentication user) {
    return user.getAuthorities().stream().anyMatch(authority -> Roles.ADMIN.equals(authority.getAuthority()));
  }

  private DigestView view(Digest digest) {
    try {
      return new DigestView(digest.id(), digest.teamId(), digest.localDate(), digest.managerId(), digest.timeZone(),
          digest.generatedAt(), digest.overdueTasks(), digest.mailedAt(), digest.mailError(),
          json.readTree(digest.content()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Digest " + digest.id() + " holds no JSON", e);
    }
  }

  /** A digest as the API returns it: {@code content} is the document also published on leads.digest. */
  record DigestView(long id, String teamId, LocalDate localDate, String managerId, String timeZone,
      Instant generatedAt, int overdueTasks, Instant mailedAt, String mailError, JsonNode content) {}
}
