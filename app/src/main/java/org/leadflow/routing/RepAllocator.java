package org.leadflow.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leadflow.config.RoutingProperties;
import org.leadflow.people.Absence;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses a rep of one team by performance-weighted fair share: smooth weighted round robin over the
 * eligible reps with weights = recent win rate (at least the floor), so that over many leads each
 * rep's share converges to their weight's share. Departed and absent reps, reps at capacity and the
 * rep the lead is taken from are skipped. The team's row is locked while choosing and the credits
 * live in {@code lead_routing_credit}, so several nodes still take turns. A skipped rep's credit is
 * frozen and comes back capped at 0: a rep back from leave or below capacity again is not flooded.
 */
@Component
public class RepAllocator {

  private final PeopleMapper people;
  private final RoutingMapper routing;
  private final RoutingProperties properties;
  private final Clock clock;

  public RepAllocator(PeopleMapper people, RoutingMapper routing, RoutingProperties properties, Clock clock) {
    this.people = people;
    this.routing = routing;
    this.properties = properties;
    this.clock = clock;
  }

  /** The chosen rep, their weight and load before this lead, and why (team, weights, loads, who was skipped). */
  public record Allocation(Team team, Rep rep, double weight, int load, String explanation) {}

  private record Candidate(Rep rep, int load, double weight, String weightReason) {}

  /**
   * @param takenFrom the rep the lead is taken from (skipped), or null. When nobody else is eligible
   *     and they still are, the lead stays with them.
   * @throws NoEligibleRepException when nobody of the team may take the lead
   */
  @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = NoEligibleRepException.class)
  public Allocation allocate(String teamId, String takenFrom) {
    Team team = people.lockTeam(teamId).orElseThrow(() ->
        new NoEligibleRepException("Team '" + teamId + "' (named by the routing table) does not exist"));
    List<Rep> reps = people.findRepsOfTeam(teamId);
    if (reps.isEmpty()) {
      throw new NoEligibleRepException("Team " + teamId + " has no reps");
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of(team.timeZone()));
    List<String> ids = reps.stream().map(Rep::userId).toList();
    Map<String, Absence> absences = people.findAbsencesNotEndedBefore(ids, today).stream()
        .filter(absence -> absence.covers(today))
        .collect(Collectors.toMap(Absence::userId, Function.identity(),
            (a, b) -> a.toDate().isAfter(b.toDate()) ? a : b));
    Map<String, Integer> loads = routing.openLoads(ids).stream()
        .collect(Collectors.toMap(RoutingMapper.Load::userId, RoutingMapper.Load::openLeads));
    Map<String, RoutingMapper.Results> results = routing.resultsSince(ids, now.minus(properties.performanceWindow()))
        .stream().collect(Collectors.toMap(RoutingMapper.Results::userId, Function.identity()));

    List<Candidate> candidates = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Rep> atCapacity = new ArrayList<>();
    Rep previous = null;
    for (Rep rep : reps) {
      String id = rep.userId();
      int load = loads.getOrDefault(id, 0);
      Absence absence = absences.get(id);
      if (rep.status() == RepStatus.DEPARTED) {
        skipped.add(id + " (departed)");
      } else if (absence != null) {
        skipped.add(id + " (absent until " + absence.toDate() + ": " + absence.reason() + ")");
      } else if (id.equals(takenFrom)) {
        previous = rep;
        skipped.add(0, id + " (the rep the lead is taken from)");
      } else if (load >= rep.capacity()) {
        atCapacity.add(rep);
        skipped.add(id + " (at capacity " + load + "/" + rep.capacity() + ")");
      } else {
        RoutingMapper.Results result = results.get(id);
        int won = result == null ? 0 : result.won();
        int closed = result == null ? 0 : result.won() + result.lost();
        double rate = closed == 0 ? 0 : (double) won / closed;
        double weight = Math.max(properties.weightFloor(), rate);
        String window = describe(properties.performanceWindow());
        String why = closed == 0 ? "floor; nothing closed in " + window
            : rate < properties.weightFloor() ? "floor; won " + won + " of " + closed + " closed in " + window
            : "won " + won + " of " + closed + " closed in " + window;
        candidates.add(new Candidate(rep, load, weight, why));
      }
    }
    String skippedText = skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped);
    if (candidates.isEmpty()) {
      if (previous != null) {
        int load = loads.getOrDefault(previous.userId(), 0);
        return new Allocation(team, previous, 0, load, "team " + teamId + ": nobody else is eligible, "
            + previous.userId() + " keeps the lead (load " + load + "/" + previous.capacity() + ")" + skippedText);
      }
      throw NoEligibleRepException.staffingGap("Nobody in team " + teamId + " can take the lead" + skippedText);
    }

    Map<String, RoutingMapper.Credit> credits = routing.credits(teamId).stream()
        .collect(Collectors.toMap(RoutingMapper.Credit::userId, Function.identity()));
    double total = candidates.stream().mapToDouble(Candidate::weight).sum();
    Map<String, Double> raised = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      RoutingMapper.Credit credit = credits.get(candidate.rep().userId());
      double base = credit == null ? 0 : credit.eligible() ? credit.credit() : Math.min(credit.credit(), 0);
      raised.put(candidate.rep().userId(), base + candidate.weight());
    }
    Candidate chosen = candidates.stream()
        .max(Comparator.<Candidate>comparingDouble(c -> raised.get(c.rep().userId()))
            .thenComparing(Comparator.comparingInt(Candidate::load).reversed())
            .thenComparing(c -> c.rep().userId(), Comparator.reverseOrder()))
        .orElseThrow();

    List<RoutingMapper.Credit> changed = new ArrayList<>();
    for (Candidate candidate : candidates) {
      String id = candidate.rep().userId();
      RoutingMapper.Credit before = credits.get(id);
      boolean isChosen = candidate == chosen;
      int assigned = (before == null ? 0 : before.assigned()) + (isChosen ? 1 : 0);
      double credit = raised.get(id) - (isChosen ? total : 0);
      write(teamId, before, new RoutingMapper.Credit(id, credit, assigned, true), changed, now);
    }
    for (Rep rep : atCapacity) {
      RoutingMapper.Credit before = credits.get(rep.userId());
      if (before != null && before.eligible()) {
        write(teamId, before, new RoutingMapper.Credit(rep.userId(), before.credit(), before.assigned(), false),
            changed, now);
      }
    }
    for (Rep rep : reps) { // departed and absent reps: frozen until they are back
      RoutingMapper.Credit before = credits.get(rep.userId());
      boolean away = rep.status() == RepStatus.DEPARTED || absences.containsKey(rep.userId());
      if (away && before != null && before.eligible()) {
        write(teamId, before, new RoutingMapper.Credit(rep.userId(), before.credit(), before.assigned(), false),
            changed, now);
      }
    }

    if (!changed.isEmpty()) {
      routing.updateCredits(teamId, changed, now);
    }

    StringBuilder why = new StringBuilder("team ").append(teamId).append(": ")
        .append(describe(chosen, total));
    RoutingMapper.Credit chosenBefore = credits.get(chosen.rep().userId());
    if (chosenBefore != null && !chosenBefore.eligible()) {
      why.append(", back after a pause (credit capped at 0)");
    }
    List<String> others = candidates.stream().filter(c -> c != chosen).map(c -> describe(c, total)).toList();
    if (!others.isEmpty()) {
      why.append("; also eligible ").append(String.join(", ", others));
    }
    why.append(skippedText);
    return new Allocation(team, chosen.rep(), chosen.weight(), chosen.load(), why.toString());
  }

  private void write(String teamId, RoutingMapper.Credit before, RoutingMapper.Credit after,
      List<RoutingMapper.Credit> changed, Instant at) {
    if (before == null) {
      routing.insertCredit(teamId, after, at);
    } else {
      changed.add(after);
    }
  }

  private static String describe(Candidate candidate, double total) {
    return candidate.rep().userId() + " (weight " + format(candidate.weight()) + " = "
        + Math.round(100 * candidate.weight() / total) + " % share, " + candidate.weightReason() + "; load "
        + candidate.load() + "/" + candidate.rep().capacity() + ")";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String describe(Duration window) {
    return window.toSeconds() % 86_400 == 0 ? "the last " + window.toDays() + " days" : "the last " + window;
  }
}
