package org.leadflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile there are no demo people, but the working groups exist. This context has
 * no Kafka broker and shares the ITs' database, so its outbox relay stays off (it would hold the relay
 * lock while failing to reach a broker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "lead.kafka.outbox.enabled=false")
@ActiveProfiles("test")
class ProfilesIT {

  @Autowired ApplicationContext context;
  @Autowired IdentityService identity;

  @Test
  void noDemoIdentitiesWithoutTheDemoProfile() {
    assertThat(context.getBeanNamesForType(DemoIdentities.class)).isEmpty();
    assertThat(context.getEnvironment().getProperty("camunda.bpm.admin-user.id")).isNull();
    for (String group : Roles.WORKING_GROUPS) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
  }
}
