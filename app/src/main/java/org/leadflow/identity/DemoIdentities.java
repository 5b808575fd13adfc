package org.leadflow.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.leadflow.calendar.CalendarService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo people, created only in the {@code demo} profile (the default run): password = user id.
 * The admin {@code demo}/{@code demo} comes from {@code camunda.bpm.admin-user} in application-demo.yaml.
 * Teams: two competing sales teams (Sales North: max with leo and lena; Sales West: mona with nick and
 * nora) and the SDR desk (sam, sara), as lead-routing.dmn names them.
 */
@Component
@Profile("demo")
class DemoIdentities {

  static final String DEMO_TEAM = "sales-north";
  static final String SECOND_SALES_TEAM = "sales-west";
  static final String SDR_TEAM = "sdr-desk";

  private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

  private record DemoUser(String id, String firstName, String lastName, String group) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("mia", "Mia", "Marketing", Roles.MARKETING),
      new DemoUser("sam", "Sam", "Caller", Roles.SDR),
      new DemoUser("sara", "Sara", "Dialer", Roles.SDR),
      new DemoUser("leo", "Leo", "Closer", Roles.SALES),
      new DemoUser("lena", "Lena", "Seller", Roles.SALES),
      new DemoUser("max", "Max", "Manager", Roles.SALES_MANAGER),
      new DemoUser("mona", "Mona", "Lead", Roles.SALES_MANAGER),
      new DemoUser("nick", "Nick", "Dealer", Roles.SALES),
      new DemoUser("nora", "Nora", "Pitch", Roles.SALES),
      new DemoUser("paul", "Paul", "Owner", Roles.PROCESS_OWNER));

  private final IdentityService identity;
  private static final List<Team> TEAMS = List.of(
      new Team(DEMO_TEAM, "Sales North", TeamRole.SALES, "max", "DACH", "analytics", "Europe/Berlin"),
      new Team(SECOND_SALES_TEAM, "Sales West", TeamRole.SALES, "mona", "Western Europe", "platform", "Europe/Paris"),
      new Team(SDR_TEAM, "SDR desk", TeamRole.SDR, "max", "Europe", null, "Europe/Berlin"));

  /** The business calendar (db/migration V008) each demo team counts its SLAs in, matching its time zone. */
  private static final Map<String, String> TEAM_CALENDARS = Map.of(
      DEMO_TEAM, "de-berlin", SECOND_SALES_TEAM, "fr-paris", SDR_TEAM, "de-berlin");

  /** Capacities differ on purpose (nick is new: a small book); the SDRs take the MQL volume. */
  private static final List<Rep> REPS = List.of(
      new Rep("leo", DEMO_TEAM, 40, RepStatus.ACTIVE),
      new Rep("lena", DEMO_TEAM, 40, RepStatus.ACTIVE),
      new Rep("nick", SECOND_SALES_TEAM, 15, RepStatus.ACTIVE),
      new Rep("nora", SECOND_SALES_TEAM, 30, RepStatus.ACTIVE),
      new Rep("sam", SDR_TEAM, 500, RepStatus.ACTIVE),
      new Rep("sara", SDR_TEAM, 500, RepStatus.ACTIVE));

  private final PeopleMapper people;
  private final CalendarService calendars;
  private final Clock clock;

  DemoIdentities(IdentityService identity, PeopleMapper people, CalendarService calendars, Clock clock) {
    this.identity = identity;
    this.people = people;
    this.calendars = calendars;
    this.clock = clock;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(20)
  @Transactional
  public void createDemoPeople() {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@leadflow.invalid");
        user.setPassword(demo.id());
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
        log.info("Created demo user {} in group {}", demo.id(), demo.group());
      }
    }
    for (Team team : TEAMS) {
      if (people.findTeam(team.id()).isEmpty()) {
        people.insertTeam(team);
        calendars.assignTeam(TEAM_CALENDARS.get(team.id()), team.id());
      }
    }
    for (Rep rep : REPS) {
      if (people.findRep(rep.userId()).isEmpty()) {
        people.insertRep(rep, clock.instant());
      }
    }
  }
}
