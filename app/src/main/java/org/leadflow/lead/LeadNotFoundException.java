package org.leadflow.lead;

/** No lead with this id. */
public class LeadNotFoundException extends RuntimeException {

  public LeadNotFoundException(String leadId) {
    super("No lead with id " + leadId);
  }
}
