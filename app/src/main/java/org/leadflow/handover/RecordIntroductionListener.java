package org.leadflow.handover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.LeadService;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** On completing a hand-over introduction task: the outcome goes on the lead's timeline. */
@Component
class RecordIntroductionListener implements TaskListener {

  private final LeadService leads;

  RecordIntroductionListener(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = LeadVariables.INTRODUCTION_OUTCOME.find(task).orElse("DONE");
    String notes = LeadVariables.INTRODUCTION_NOTES.find(task).orElse(null);
    leads.recordActivity(LeadVariables.LEAD_ID.get(task), ActivityType.HANDOVER_INTRODUCTION, outcome, null,
        task.getAssignee() == null ? "system" : task.getAssignee(),
        task.getName() + (notes == null || notes.isBlank() ? "" : ": " + notes));
  }
}
