package org.leadflow.engagement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.leadflow.scoring.EngagementType;

/**
 * One record of {@code leads.engagement}: something a contact did. {@code eventId} identifies it
 * (sending it again counts once); {@code leadId} or {@code email} (at least one) names the contact.
 * The cross-field and clock checks live in {@link EngagementService}, which names both fields.
 */
public record EngagementEvent(
    @NotBlank @Size(max = 100) String eventId,
    @NotNull EngagementType type,
    @Size(max = 36) String leadId,
    @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$", message = "must be a well-formed email address") String email,
    Instant occurredAt,
    @Size(max = 100) String source,
    @Size(max = 500) String detail) {

  /** Surrounding blanks are not an error, blank optional fields are absent. */
  public EngagementEvent {
    eventId = eventId == null ? null : eventId.strip();
    leadId = blankToNull(leadId);
    email = blankToNull(email);
    source = blankToNull(source);
    detail = blankToNull(detail);
  }

  EngagementEvent withEmail(String normalisedEmail) {
    return new EngagementEvent(eventId, type, leadId, normalisedEmail, occurredAt, source, detail);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
