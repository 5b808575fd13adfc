package org.leadflow.rhythm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.LeadService;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-quality sampling: makes the day's reviews (one per supervisor) and records the verdicts.
 * A team is sampled once per local date ({@code lead_daily_run}); its calls are those of the previous
 * local day, midnight to midnight in the team's zone.
 */
@Service
public class CallReviewService {

  static final String RUN_KIND = "CALL_SAMPLING";
  public static final String TAG_CONFIRMED = "TAG_CONFIRMED";
  public static final String TAG_WRONG = "TAG_WRONG";
  public static final String NOT_REVIEWED = "NOT_REVIEWED";

  private static final Logger log = LoggerFactory.getLogger(CallReviewService.class);

  private final PeopleMapper people;
  private final RhythmMapper rhythm;
  private final LeadService leads;
  private final RhythmProperties properties;
  private final CallSampler sampler;
  private final ObjectMapper json;
  private final Clock clock;

  public CallReviewService(PeopleMapper people, RhythmMapper rhythm, LeadService leads, RhythmProperties properties,
      ObjectMapper json, Clock clock) {
    this.people = people;
    this.rhythm = rhythm;
    this.leads = leads;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    Long seed = properties.sampling().seed();
    this.sampler = new CallSampler(seed == null ? new Random() : new Random(seed), properties.sampling().callsPerRep(),
        properties.sampling().invalidWeight());
  }

  /** Samples every team due at {@code now}; returns the ids of the reviews made, tagged with {@code runId}. */
  @Transactional
  public List<Long> sampleDue(Instant now, String runId) {
    // one review per supervisor and call date: teams in zones far apart can have different "yesterdays"
    Map<ReviewKey, List<Team>> due = new LinkedHashMap<>();
    for (Team team : people.findTeams()) {
      Optional<LocalDate> date = DailySchedule.dueDate(team, now, properties.sampling().localTime());
      if (team.supervisorId() != null && date.isPresent() && claim(team, date.get(), now)) {
        due.computeIfAbsent(new ReviewKey(team.supervisorId(), date.get().minusDays(1)), k -> new ArrayList<>())
            .add(team);
      }
    }
    List<Long> reviews = new ArrayList<>();
    due.forEach((key, teams) -> {
      List<Draw> draws = teams.stream().flatMap(team -> draw(team, key.callDate()).stream()).toList();
      if (draws.stream().allMatch(draw -> draw.call() == null)) {
        // a weekend, a holiday, a team without calls: nothing to review, no empty task
        log.info("No calls of {} to review for {}", key.callDate(), key.supervisorId());
        return;
      }
      RhythmMapper.ReviewRow review = new RhythmMapper.ReviewRow();
      review.supervisorId = key.supervisorId();
      review.callDate = key.callDate();
      review.runId = runId;
      review.createdAt = now;
      rhythm.insertReview(review);
      draws.forEach(draw -> rhythm.insertReviewItem(draw.call() == null
          ? CallReviewItem.noCalls(review.id, draw.teamId(), draw.repId())
          : CallReviewItem.sampled(review.id, draw.teamId(), draw.call())));
      log.info("Call review {} for {} ({} calls): {} item(s) from {} team(s)", review.id, key.supervisorId(),
          key.callDate(), draws.size(), teams.size());
      reviews.add(review.id);
    });
    return reviews;
  }

  private record ReviewKey(String supervisorId, LocalDate callDate) {}

  /** One line of a review: a sampled call of a rep, or (call null) that the rep made no call that day. */
  private record Draw(String teamId, String repId, CallCandidate call) {}

  private List<Draw> draw(Team team, LocalDate day) {
    List<String> reps = people.findRepsOfTeam(team.id()).stream().filter(rep -> rep.status() == RepStatus.ACTIVE)
        .map(Rep::userId).sorted().toList();
    if (reps.isEmpty()) {
      return List.of();
    }
    ZoneId zone = DailySchedule.zoneOf(team);
    Map<String, List<CallCandidate>> callsByRep = rhythm.findCalls(reps, day.atStartOfDay(zone).toInstant(),
        day.plusDays(1).atStartOfDay(zone).toInstant()).stream().collect(Collectors.groupingBy(CallCandidate::repId));
    List<Draw> draws = new ArrayList<>();
    for (String rep : reps) {
      List<CallCandidate> sample = sampler.sample(callsByRep.getOrDefault(rep, List.of()));
      if (sample.isEmpty()) {
        draws.add(new Draw(team.id(), rep, null));
      }
      sample.forEach(call -> draws.add(new Draw(team.id(), rep, call)));
    }
    return draws;
  }

  private boolean claim(Team team, LocalDate date, Instant now) {
    if (rhythm.isClaimed(RUN_KIND, team.id(), date)) {
      return false;
    }
    try {
      rhythm.claim(RUN_KIND, team.id(), date, now);
      return true;
    } catch (DuplicateKeyException anotherNode) {
      return false;
    }
  }

  @Transactional(readOnly = true)
  public List<Long> reviewsOf(String runId) {
    return rhythm.findReviewIdsOfRun(runId);
  }

  @Transactional(readOnly = true)
  public SampledReview review(long id) {
    return rhythm.findReview(id).orElseThrow(() -> new IllegalArgumentException("No call review " + id));
  }

  @Transactional(readOnly = true)
  public List<CallReviewItem> items(long reviewId) {
    return rhythm.findReviewItems(reviewId);
  }

  /**
   * Records the supervisor's verdicts: {@code verdicts} is the form's list, each with {@code sampleId},
   * {@code tagRight} (YES, NO) and {@code reviewNote}. Items without a verdict are recorded as not
   * reviewed. Every sampled lead gets a CALL_REVIEW line on its timeline.
   */
  @Transactional
  public void recordVerdicts(long reviewId, JsonNode verdicts, String supervisor) {
    Map<String, JsonNode> bySample = new LinkedHashMap<>();
    for (JsonNode verdict : verdicts) {
      bySample.put(verdict.path("sampleId").asText(), verdict);
    }
    Instant now = clock.instant();
    for (CallReviewItem item : rhythm.findReviewItems(reviewId)) {
      if (item.leadId() == null) {
        continue;
      }
      JsonNode verdict = bySample.getOrDefault(String.valueOf(item.id()), json.createObjectNode());
      String answer = verdict.path("tagRight").asText("");
      Boolean right = "YES".equals(answer) ? Boolean.TRUE : "NO".equals(answer) ? Boolean.FALSE : null;
      String note = verdict.hasNonNull("reviewNote") && !verdict.get("reviewNote").asText().isBlank()
          ? verdict.get("reviewNote").asText().strip() : null;
      rhythm.recordVerdict(item.id(), right, note, now);
      String code = right == null ? NOT_REVIEWED : right ? TAG_CONFIRMED : TAG_WRONG;
      leads.recordActivity(item.leadId(), ActivityType.CALL_REVIEW, code, null, supervisor,
          "review of " + item.repId() + "'s " + describe(item) + " (tagged " + item.tag() + ")"
              + (note == null ? "" : ": " + note));
    }
    rhythm.completeReview(reviewId, now);
  }

  /** The review's sampled calls as the form's dynamic list (reps without calls are in the summary). */
  @Transactional(readOnly = true)
  public ArrayNode formItems(long reviewId) {
    ArrayNode list = json.createArrayNode();
    for (CallReviewItem item : rhythm.findReviewItems(reviewId)) {
      if (item.leadId() != null) {
        list.addObject().put("sampleId", String.valueOf(item.id())).put("rep", item.repId())
            .put("lead", item.leadId()).put("call", describe(item)).put("tag", item.tag())
            .putNull("tagRight").put("reviewNote", "");
      }
    }
    return list;
  }

  /** The form's header: which day, how the sample was drawn, and the reps who made no calls. */
  @Transactional(readOnly = true)
  public String summary(long reviewId) {
    SampledReview review = review(reviewId);
    List<CallReviewItem> items = rhythm.findReviewItems(reviewId);
    String noCalls = items.stream().filter(item -> item.leadId() == null).map(CallReviewItem::repId)
        .collect(Collectors.joining(", "));
    long sampled = items.stream().filter(item -> item.leadId() != null).count();
    return "Calls of " + review.callDate() + ": " + sampled + " sampled, up to " + properties.sampling().callsPerRep()
        + " per rep; leads the rep tagged invalid or disqualified are " + properties.sampling().invalidWeight()
        + " times as likely to be drawn. Listen to each call and say whether the tag was right."
        + (noCalls.isEmpty() ? "" : " No calls: " + noCalls + ".");
  }

  private static String describe(CallReviewItem item) {
    return ("FIRST_CONTACT".equals(item.callType()) ? "first contact" : "call") + " " + item.callCode() + " at "
        + item.calledAt();
  }
}
