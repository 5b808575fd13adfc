package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadflow.rhythm.DigestPolicy;
import org.leadflow.rhythm.RhythmProperties;

/**
 * Paths of daily-digest (one): the cron timer fires → Task_SendDueDigests → EndEvent_DigestsSent, and
 * the timer is there again for the next tick. The policy is real (the default cron); the delegate is
 * stubbed (DailyRhythmIT runs the real one).
 */
@Deployment(resources = "processes/daily-digest.bpmn")
class DailyDigestProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, DailyDigest.KEY);

  private final AtomicInteger runs = new AtomicInteger();

  /** Before the deployment (the extension deploys after @BeforeEach): the start timer reads the policy then. */
  @BeforeEach
  void realPolicyStubbedDelegate() {
    Mocks.register("digestPolicy", new DigestPolicy(RhythmProperties.defaults()));
    Mocks.register("sendDueDigestsDelegate", (JavaDelegate) execution -> {
      runs.incrementAndGet();
      LeadVariables.DIGESTS_SENT.set(execution, 2);
    });
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void everyTickSendsTheDueDigestsAndWaitsForTheNext() {
    // given: the deployment made the start timer from the policy's cron
    Job tick = timer();
    assertThat(tick).isNotNull();
    long minutesApart = (tick.getDuedate().getTime() / 60_000) % 15;
    assertThat(minutesApart).as("fires on the quarter hour").isZero();

    // when
    execute(tick);

    // then
    HistoricProcessInstance instance = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(DailyDigest.KEY).singleResult();
    assertThat(instance.getEndActivityId()).isEqualTo(DailyDigest.Events.DIGESTS_SENT);
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(DailyDigest.Tasks.SEND_DUE_DIGESTS).count()).isEqualTo(1);
    assertThat(runs).hasValue(1);
    Job next = timer();
    assertThat(next).as("the next tick").isNotNull();
    assertThat(next.getId()).isNotEqualTo(tick.getId());
  }

  private static Job timer() {
    return managementService().createJobQuery().timers().activityId(DailyDigest.Events.DIGEST_TICK).singleResult();
  }
}
