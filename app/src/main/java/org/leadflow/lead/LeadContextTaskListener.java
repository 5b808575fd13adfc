package org.leadflow.lead;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/**
 * On every lead task's creation: puts the lead's context (contact, source, score and its reasons,
 * stage history with recycle reasons) into task-local variables the forms show read-only, so the
 * SDR or rep sees who they are calling without leaving Tasklist.
 */
@Component
class LeadContextTaskListener implements TaskListener {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final LeadService leads;

  LeadContextTaskListener(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void notify(DelegateTask task) {
    Lead lead = leads.get(LeadVariables.LEAD_ID.get(task));
    List<TimelineEntry> timeline = leads.timeline(lead.id());
    LeadVariables.LEAD_SUMMARY.setLocal(task, summary(lead));
    LeadVariables.LEAD_CONTACT.setLocal(task, join(" | ", lead.email(), lead.phone()));
    LeadVariables.LEAD_SOURCE.setLocal(task, join(" | ", "source " + lead.source(),
        lead.campaign() == null ? null : "campaign " + lead.campaign(),
        lead.landingPage() == null ? null : "page " + lead.landingPage(),
        "intent " + lead.intent(), "captured " + WHEN.format(lead.capturedAt())));
    LeadVariables.LEAD_SCORE_REASONS.setLocal(task, "score " + lead.score() + " (fit " + lead.fitScore()
        + ", engagement " + lead.engagementScore() + ")\n" + lines(timeline, "SCORE"));
    LeadVariables.LEAD_HISTORY.setLocal(task, lines(timeline, "STAGE")
        + (lead.recycleCount() > 0 ? "\nrecycled " + lead.recycleCount() + " time(s)" : ""));
    task.setDescription(lead.displayName() + (lead.company() == null ? "" : " (" + lead.company() + ")")
        + ", score " + lead.score());
  }

  private static String summary(Lead lead) {
    return join(", ", lead.displayName(), lead.title(), lead.company(),
        lead.companySize() == null ? null : lead.companySize() + " employees", lead.industry(),
        join(" ", lead.region(), lead.country()), lead.productInterest() == null ? null
            : "interested in " + lead.productInterest());
  }

  private static String lines(List<TimelineEntry> timeline, String kind) {
    return timeline.stream().filter(entry -> kind.equals(entry.kind()))
        .map(entry -> WHEN.format(entry.at()) + "  " + entry.summary())
        .collect(Collectors.joining("\n"));
  }

  private static String join(String separator, String... parts) {
    StringJoiner joiner = new StringJoiner(separator);
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        joiner.add(part);
      }
    }
    return joiner.toString();
  }
}
