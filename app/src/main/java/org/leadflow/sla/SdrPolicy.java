package org.leadflow.sla;

import org.leadflow.config.LeadProperties;

/** SDR call cadence ({@code ${sdrPolicy.moreAttemptsAllowed(callAttempts)}}). Side-effect free. */
public class SdrPolicy {

  private final LeadProperties.Sdr sdr;

  public SdrPolicy(LeadProperties properties) {
    this.sdr = properties.sdr();
  }

  public boolean moreAttemptsAllowed(Integer callAttempts) {
    return (callAttempts == null ? 0 : callAttempts) < sdr.maxCallAttempts();
  }

  public String retryInterval() {
    return sdr.retryInterval().toString();
  }

  public int maxCallAttempts() {
    return sdr.maxCallAttempts();
  }
}
