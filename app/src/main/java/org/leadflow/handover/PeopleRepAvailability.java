package org.leadflow.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.PeopleService;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.springframework.stereotype.Component;

/**
 * Availability from the people tables: a departed rep's profile becomes DEPARTED, an absent rep gets an
 * absence until the day before their return (a year when no return date is known). Routing skips both.
 */
@Component
class PeopleRepAvailability implements RepAvailability {

  /** An absence without a return date lasts this long, until a manager ends it. */
  private static final int OPEN_ENDED_ABSENCE_DAYS = 365;

  private final PeopleMapper people;
  private final PeopleService peopleService;

  PeopleRepAvailability(PeopleMapper people, PeopleService peopleService) {
    this.people = people;
    this.peopleService = peopleService;
  }

  @Override
  public void markUnavailable(String rep, HandoverKind kind, Instant from, LocalDate returnsOn, String reason,
      String actor) {
    Optional<Rep> profile = people.findRep(rep);
    if (profile.isEmpty()) {
      return; // no rep profile: routing never picks them anyway
    }
    if (kind == HandoverKind.DEPARTED) {
      Rep current = profile.get();
      peopleService.saveRep(new Rep(current.userId(), current.teamId(), current.capacity(), RepStatus.DEPARTED));
      return;
    }
    LocalDate today = today(profile.get(), from);
    LocalDate lastDay = returnsOn != null ? returnsOn.minusDays(1) : today.plusDays(OPEN_ENDED_ABSENCE_DAYS);
    boolean alreadyCovered = people.findAbsencesNotEndedBefore(List.of(rep), today).stream()
        .anyMatch(absence -> absence.covers(today) && !absence.toDate().isBefore(lastDay));
    if (!alreadyCovered) {
      peopleService.addAbsence(rep, today, lastDay.isBefore(today) ? today : lastDay,
          reason.length() > 200 ? reason.substring(0, 199) + "…" : reason, actor);
    }
  }

  @Override
  public boolean isAvailable(String rep, Instant at) {
    Optional<Rep> profile = people.findRep(rep);
    if (profile.isEmpty() || profile.get().status() != RepStatus.ACTIVE) {
      return false;
    }
    LocalDate today = today(profile.get(), at);
    return people.findAbsencesNotEndedBefore(List.of(rep), today).stream().noneMatch(absence -> absence.covers(today));
  }

  private LocalDate today(Rep rep, Instant at) {
    ZoneId zone = people.findTeam(rep.teamId()).map(Team::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    return LocalDate.ofInstant(at, zone);
  }
}
