package org.leadflow.handover;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_HandOverOpenLeads: moves the rep's open leads, tasks and timers; sets handoverId and handBack. */
@Component
class HandOverOpenLeadsDelegate implements JavaDelegate {

  private final HandoverService handovers;

  HandOverOpenLeadsDelegate(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kindName = LeadVariables.HANDOVER_KIND.get(execution);
    HandoverKind kind;
    try {
      kind = HandoverKind.valueOf(kindName);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidHandoverException("handoverKind", "must be DEPARTED or ABSENT, not " + kindName);
    }
    LocalDate returnsOn = LeadVariables.RETURNS_ON.find(execution).filter(date -> !date.isBlank())
        .map(date -> LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date)).orElse(null);
    boolean handBackOnReturn = LeadVariables.HAND_BACK_ON_RETURN.getOrDefault(execution, false);
    long id = handovers.handOver(LeadVariables.DEPARTING_REP.get(execution), kind, returnsOn, handBackOnReturn,
        LeadVariables.SUCCESSOR.find(execution).orElse(null), LeadVariables.HANDOVER_NOTE.find(execution).orElse(""),
        execution.getProcessInstanceId(), Actors.current(execution));
    LeadVariables.HANDOVER_ID.set(execution, id);
    LeadVariables.HAND_BACK.set(execution, handBackOnReturn && kind == HandoverKind.ABSENT && returnsOn != null);
  }
}
