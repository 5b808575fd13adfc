package org.leadflow.rhythm;

import com.fasterxml.jackson.databind.JsonNode;

/** The digest as plain text, for the e-mail. */
final class DigestText {

  private DigestText() {}

  static String of(JsonNode digest) {
    StringBuilder text = new StringBuilder();
    text.append("Daily digest of ").append(digest.path("teamName").asText()).append(" for ")
        .append(digest.path("localDate").asText()).append(" (").append(digest.path("timeZone").asText())
        .append(")\n\n");
    if (digest.path("reps").isEmpty()) {
      text.append("No rep has overdue tasks.\n");
    }
    for (JsonNode rep : digest.path("reps")) {
      text.append(rep.path("repId").asText()).append(": ").append(rep.path("overdueTasks").asInt())
          .append(" overdue task(s), oldest due ").append(rep.path("oldestDue").asText()).append('\n');
      for (JsonNode task : rep.path("tasks")) {
        text.append("  - ").append(task.path("name").asText()).append(" (lead ").append(task.path("leadId").asText())
            .append(", due ").append(task.path("due").asText()).append(") ").append(task.path("link").asText())
            .append('\n');
      }
    }
    if (!digest.path("repsWithoutOverdueTasks").isEmpty()) {
      text.append("\nNothing overdue: ");
      digest.path("repsWithoutOverdueTasks").forEach(rep -> text.append(rep.asText()).append(' '));
      text.append('\n');
    }
    text.append("\nTasklist: ").append(digest.path("tasklistUrl").asText()).append('\n');
    return text.toString();
  }
}
