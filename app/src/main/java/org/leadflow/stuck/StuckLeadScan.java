package org.leadflow.stuck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.lead.LeadStage;
import org.leadflow.stuck.StuckLeadMapper.Candidate;
import org.leadflow.stuck.StuckLeadMapper.Threshold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code lead.stuck.scan-interval}: finds open leads that stood in their stage (opportunities: in
 * their funnel position) longer than {@code stuck-lead} allows and flags each, in a transaction per
 * lead. Cluster-safe without a lock: at most one open {@code lead_stuck} row per lead (unique key), so
 * when two nodes flag the same lead at once the slower one's transaction, incident included, rolls
 * back. A scan flags at most {@code lead.stuck.batch-size} leads; the next scan continues.
 */
@Component
public class StuckLeadScan {

  private static final Logger log = LoggerFactory.getLogger(StuckLeadScan.class);
  private static final List<String> POSITIONS = Arrays.asList("TOP", "MIDDLE", "BOTTOM", null);

  private final StuckLeadMapper stuck;
  private final StuckLeadRule rule;
  private final StuckLeadService service;
  private final Clock clock;
  private final int batchSize;

  StuckLeadScan(StuckLeadMapper stuck, StuckLeadRule rule, StuckLeadService service, Clock clock,
      StuckLeadProperties properties) {
    this.stuck = stuck;
    this.rule = rule;
    this.service = service;
    this.clock = clock;
    this.batchSize = properties.batchSize();
  }

  @Scheduled(fixedDelayString = "#{@'lead.stuck-org.leadflow.stuck.StuckLeadProperties'.scanInterval().toMillis()}",
      initialDelayString = "#{@'lead.stuck-org.leadflow.stuck.StuckLeadProperties'.scanInterval().toMillis()}")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      log.warn("Stuck-lead scan failed; the next scan tries again", e);
    }
  }

  /** One scan; returns the leads it flagged. */
  public List<StuckLead> scan() {
    Instant now = clock.instant();
    Map<String, StuckLimit> limits = new HashMap<>();
    List<Threshold> thresholds = new ArrayList<>();
    for (LeadStage stage : LeadStage.values()) {
      if (stage.isOpen()) {
        for (String position : stage == LeadStage.OPPORTUNITY ? POSITIONS : Arrays.asList((String) null)) {
          StuckLimit limit = rule.limit(stage, position);
          limits.put(key(stage, position), limit);
          thresholds.add(new Threshold(stage.name(), position, now.minus(limit.maxDwell())));
        }
      }
    }
    List<StuckLead> flagged = new ArrayList<>();
    for (Candidate candidate : stuck.findCandidates(thresholds, batchSize)) {
      LeadStage stage = LeadStage.valueOf(candidate.stage());
      String position = StuckLeadService.position(stage, candidate.funnelPosition());
      StuckLimit limit = limits.computeIfAbsent(key(stage, position), k -> rule.limit(stage, position));
      Dwell dwell = Dwell.of(stage, candidate.stageChangedAt(), candidate.positionChangedAt(), now);
      if (!dwell.exceeds(limit)) {
        continue;   // the query already held it to its limit: only a position moved meanwhile lands here
      }
      try {
        service.flag(candidate, limit, dwell).ifPresent(flagged::add);
      } catch (DuplicateKeyException flaggedByAnotherNode) {
        log.debug("Lead {} was flagged stuck by another node", candidate.leadId());
      } catch (RuntimeException e) {
        // e.g. the lead's execution was updated concurrently: the next scan tries this lead again
        log.warn("Could not flag lead {} as stuck; the scan goes on with the next", candidate.leadId(), e);
      }
    }
    if (!flagged.isEmpty()) {
      log.info("Flagged {} stuck lead(s)", flagged.size());
    }
    return flagged;
  }

  private static String key(LeadStage stage, String position) {
    return stage + "/" + position;
  }
}
