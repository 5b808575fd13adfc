package org.leadflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/**
 * The SLA-tier tasks (Task_RemindRepToAccept, Task_RecordAcceptEscalation, Task_Record...SlaBreach):
 * records the tier; input parameters {@code slaType} and {@code slaTier} say which.
 */
@Component
class RecordSlaEventDelegate implements JavaDelegate {

  private final SlaService sla;

  RecordSlaEventDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.record(LeadVariables.LEAD_ID.get(execution),
        SlaService.SlaType.valueOf(LeadVariables.SLA_TYPE.get(execution)),
        SlaService.Tier.valueOf(LeadVariables.SLA_TIER.get(execution)));
  }
}
