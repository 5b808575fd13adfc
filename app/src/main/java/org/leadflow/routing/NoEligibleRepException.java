package org.leadflow.routing;

/**
 * Nobody may take the lead: every rep of the eligible team is departed, absent, at capacity or the
 * rep it is taken from. In a process this fails the job, so the lead waits as an incident in Cockpit.
 */
public class NoEligibleRepException extends IllegalStateException {

  public NoEligibleRepException(String message) {
    super(message);
  }
}
