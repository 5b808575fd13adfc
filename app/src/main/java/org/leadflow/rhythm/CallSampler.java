package org.leadflow.rhythm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws a rep's calls for review: one call per lead (the rep's last call on it that day), then up to
 * {@code perRep} of those without replacement, each draw with probability proportional to its weight:
 * {@code invalidWeight} for a lead the rep tagged invalid or disqualified, 1 for one tagged valid. The
 * random source is injected, so a seed makes the sample reproducible.
 */
final class CallSampler {

  private final RandomGenerator random;
  private final int perRep;
  private final double invalidWeight;

  CallSampler(RandomGenerator random, int perRep, double invalidWeight) {
    this.random = random;
    this.perRep = perRep;
    this.invalidWeight = invalidWeight;
  }

  /** The sample of one rep's calls; fewer than {@code perRep} when the rep called fewer leads. */
  synchronized List<CallCandidate> sample(Collection<CallCandidate> callsOfRep) {
    Map<String, CallCandidate> lastPerLead = new LinkedHashMap<>();
    callsOfRep.stream().sorted(Comparator.comparing(CallCandidate::activityId))
        .forEach(call -> lastPerLead.put(call.leadId(), call));
    List<CallCandidate> pool = new ArrayList<>(lastPerLead.values());
    List<CallCandidate> drawn = new ArrayList<>(perRep);
    while (drawn.size() < perRep && !pool.isEmpty()) {
      double total = pool.stream().mapToDouble(this::weight).sum();
      double point = random.nextDouble() * total;
      int index = 0;
      double reached = weight(pool.get(0));
      while (reached <= point && index < pool.size() - 1) {
        index++;
        reached += weight(pool.get(index));
      }
      drawn.add(pool.remove(index));
    }
    return drawn;
  }

  private double weight(CallCandidate call) {
    return call.taggedInvalid() ? invalidWeight : 1.0;
  }
}
