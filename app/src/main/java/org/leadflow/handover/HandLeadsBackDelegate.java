package org.leadflow.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_HandLeadsBack: the returning rep gets back the leads still with the successors of this hand-over. */
@Component
class HandLeadsBackDelegate implements JavaDelegate {

  private final HandoverService handovers;

  HandLeadsBackDelegate(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handovers.handBack(LeadVariables.HANDOVER_ID.get(execution), Actors.current(execution));
  }
}
