package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.leadflow.engine.JobExecutorShutdown;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that stops gracefully hands back the jobs it still holds, so that another node runs them at once
 * instead of after the job lock time; jobs another node holds stay its own. (The cluster harness's
 * {@code shutdown} phase does it with two real nodes and SIGTERM; here the step itself, in this context,
 * whose job executor is off: stopping the step again leaves the context as it was.)
 */
class JobLocksOnShutdownIT extends IntegrationTestBase {

  @Autowired JobExecutorShutdown shutdown;

  @Test
  void stoppingUnlocksTheJobsOfThisNodeOnlyAndMakesTheirOldVersionStale() {
    // given: two jobs of a new lead, one locked by this node, one by another node, both for five more minutes
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list().stream()
        .map(instance -> instance.getId()).toList();
    List<Job> jobs = management.createJobQuery().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId())).limit(2).toList();
    assertThat(jobs).as("jobs of lead %s (its SLA timers)", leadId).hasSize(2);
    String ours = jobs.get(0).getId();
    String theirs = jobs.get(1).getId();
    Timestamp inFiveMinutes = Timestamp.from(Instant.now().plus(5, ChronoUnit.MINUTES));
    String otherNode = "other-node-" + unique();
    lock(ours, shutdown.lockOwner(), inFiveMinutes);
    lock(theirs, otherNode, inFiveMinutes);
    int revisionBefore = revision(ours);

    try {
      // when
      shutdown.stop();

      // then
      Map<String, Object> unlocked = jdbc.queryForMap("select LOCK_OWNER_, LOCK_EXP_TIME_, REV_ from ACT_RU_JOB"
          + " where ID_ = ?", ours);
      assertThat(unlocked.get("LOCK_OWNER_")).as("lock owner of this node's job").isNull();
      assertThat(unlocked.get("LOCK_EXP_TIME_")).as("lock expiry of this node's job").isNull();
      assertThat(((Number) unlocked.get("REV_")).intValue()).as("revision (a copy still running here goes stale)")
          .isEqualTo(revisionBefore + 1);
      assertThat(jdbc.queryForObject("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", String.class, theirs))
          .as("another node's lock").isEqualTo(otherNode);
      assertThat(shutdown.isRunning()).isFalse();
    } finally {
      shutdown.start();
      lock(theirs, null, null);
    }
  }

  @Test
  void theDefaultLockOwnerNamesHostPortAndProcess() {
    String owner = JobExecutorShutdown.defaultLockOwner(38281);
    assertThat(owner).endsWith(":38281:" + ProcessHandle.current().pid()).doesNotStartWith(":");
    assertThat(shutdown.lockOwner()).endsWith(":" + ProcessHandle.current().pid());
  }

  private void lock(String jobId, String owner, Timestamp until) {
    jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?", owner, until, jobId);
  }

  private int revision(String jobId) {
    return jdbc.queryForObject("select REV_ from ACT_RU_JOB where ID_ = ?", Integer.class, jobId);
  }
}
