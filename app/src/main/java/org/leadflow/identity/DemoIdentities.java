package org.leadflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.leadflow.routing.RoutingMapper;
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
 */
@Component
@Profile("demo")
class DemoIdentities {

  static final String DEMO_TEAM = "sales-north";

  private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

  private record DemoUser(String id, String firstName, String lastName, String group) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("mia", "Mia", "Marketing", Roles.MARKETING),
      new DemoUser("sam", "Sam", "Caller", Roles.SDR),
      new DemoUser("sara", "Sara", "Dialer", Roles.SDR),
      new DemoUser("leo", "Leo", "Closer", Roles.SALES),
      new DemoUser("lena", "Lena", "Seller", Roles.SALES),
      new DemoUser("max", "Max", "Manager", Roles.SALES_MANAGER),
      new DemoUser("paul", "Paul", "Owner", Roles.PROCESS_OWNER));

  private final IdentityService identity;
  private final RoutingMapper teams;

  DemoIdentities(IdentityService identity, RoutingMapper teams) {
    this.identity = identity;
    this.teams = teams;
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
    if (teams.countTeam(DEMO_TEAM) == 0) {
      teams.insertTeam(DEMO_TEAM, "Sales North", "max");
      teams.insertTeamMember(DEMO_TEAM, "leo");
      teams.insertTeamMember(DEMO_TEAM, "lena");
    }
  }
}
