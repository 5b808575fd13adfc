package org.leadflow.sla;

import org.leadflow.config.LeadProperties;

/** Caps recycling ({@code ${recyclePolicy.allows(recycleCount)}}). Side-effect free. */
public class RecyclePolicy {

  private final LeadProperties.Recycle recycle;

  public RecyclePolicy(LeadProperties properties) {
    this.recycle = properties.recycle();
  }

  public boolean allows(Integer recycleCount) {
    return (recycleCount == null ? 0 : recycleCount) < recycle.maxRecycles();
  }
}
