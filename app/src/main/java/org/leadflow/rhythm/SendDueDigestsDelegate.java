package org.leadflow.rhythm;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_SendDueDigests: every team whose 21:00 has come gets today's digest (once). */
@Component
class SendDueDigestsDelegate implements JavaDelegate {

  private final DigestService digests;
  private final Clock clock;

  SendDueDigestsDelegate(DigestService digests, Clock clock) {
    this.digests = digests;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LeadVariables.DIGESTS_SENT.set(execution, digests.sendDue(clock.instant()).size());
  }
}
