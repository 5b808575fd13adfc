package org.leadflow.lead;

/** Why a lead is invalid. Automatic checks use the first group; the SDR's verdict the second. */
public enum InvalidReason {
  MISSING_CONTACT, NO_CONSENT, DUPLICATE, SPAM, TEST,
  UNREACHABLE, NO_NEED, WRONG_CONTACT
}
