package org.leadflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.leadflow.events.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile there are no demo people and no in-process Kafka broker (a real cluster
 * from KAFKA_BOOTSTRAP_SERVERS instead), but the working groups exist. This context shares the ITs'
 * database, so its outbox relay stays off (it would ship the other context's events to its broker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "lead.kafka.outbox.enabled=false")
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ProfilesIT {

  @Autowired ApplicationContext context;
  @Autowired IdentityService identity;

  @Test
  void noDemoIdentitiesWithoutTheDemoProfile() {
    assertThat(context.getBeanNamesForType(DemoIdentities.class)).isEmpty();
    assertThat(context.getBeanNamesForType(InProcessKafkaBroker.class)).as("in-process Kafka broker").isEmpty();
    assertThat(context.getEnvironment().getProperty("camunda.bpm.admin-user.id")).isNull();
    for (String group : Roles.WORKING_GROUPS) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
  }
}
