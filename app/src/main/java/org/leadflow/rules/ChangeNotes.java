package org.leadflow.rules;

import java.util.List;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.InvalidSubmissionException;

/** The change note every deploy of a rule or model carries: from the query parameter or the header. */
public final class ChangeNotes {

  public static final String HEADER = "X-Change-Note";

  private ChangeNotes() {}

  /**
   * The note, stripped: the query parameter {@code note} if given, else the header.
   *
   * @throws InvalidSubmissionException naming {@code note} when it is missing, blank or longer than
   *     {@link RulesService#MAX_NOTE}
   */
  public static String required(String note, String noteHeader) {
    String changeNote = note != null && !note.isBlank() ? note.strip() : noteHeader == null ? null : noteHeader.strip();
    if (changeNote == null || changeNote.isEmpty()) {
      throw new InvalidSubmissionException(List.of(new FieldError("note",
          "is required: say what changed and why (query parameter note or header " + HEADER + ")")));
    }
    if (changeNote.length() > RulesService.MAX_NOTE) {
      throw new InvalidSubmissionException(List.of(new FieldError("note",
          "must be at most " + RulesService.MAX_NOTE + " characters")));
    }
    return changeNote;
  }
}
