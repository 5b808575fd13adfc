package org.leadflow.lead;

/** What the contact asked for when the lead was captured. DEMO_REQUEST is a hand-raiser. */
public enum Intent {
  INQUIRY, DEMO_REQUEST, CONTENT_DOWNLOAD, EVENT_SIGNUP, NEWSLETTER;

  public boolean isHandRaiser() {
    return this == DEMO_REQUEST;
  }
}
