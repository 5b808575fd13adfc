package org.leadflow.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.leadflow.engagement.EngagementService;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.ops.LeadflowMetrics;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.LeadVariables;
import org.leadflow.scoring.LeadScoringService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one intake path for leads (REST and the leads.captured topic): validate and normalise, then either
 * return the lead this submission already created, attach it to the open lead of the same contact
 * (a re-engagement, correlated to the lead's running instance), or create the lead, give it the
 * engagement events its email made while anonymous, and start its lifecycle, all in one transaction
 * with the engine.
 */
@Service
public class LeadCaptureService {

  /** What a submission did. */
  public enum Outcome { CREATED, ALREADY_CAPTURED, ATTACHED_TO_OPEN_LEAD }

  public record CaptureResult(Outcome outcome, Lead lead) {}

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final LeadService leads;
  private final SubmissionMapper submissions;
  private final ContactNormalizer normalizer;
  private final EngagementService engagements;
  private final ContactLocks contactLocks;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final LeadflowMetrics metrics;

  public LeadCaptureService(LeadService leads, SubmissionMapper submissions, ContactNormalizer normalizer,
      EngagementService engagements, ContactLocks contactLocks, RuntimeService runtime,
      TransactionTemplate transaction, Clock clock, LeadflowMetrics metrics) {
    this.leads = leads;
    this.submissions = submissions;
    this.normalizer = normalizer;
    this.engagements = engagements;
    this.contactLocks = contactLocks;
    this.runtime = runtime;
    this.transaction = transaction;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Captures a submission exactly once. A concurrent duplicate that loses the race on the
   * submission's unique key gets the lead the winner created; concurrent submissions of one contact
   * under different keys take turns ({@link ContactLocks}), so the later one attaches to the lead the
   * earlier one created.
   *
   * @throws InvalidSubmissionException naming every field that cannot be accepted
   */
  public CaptureResult capture(LeadCaptureRequest request, String actor) {
    return capture(prepare(request), actor);
  }

  /** A submission validated and normalised, ready to capture ({@link #prepare}). */
  public static final class Prepared {
    private final Lead candidate;

    private Prepared(Lead candidate) {
      this.candidate = candidate;
    }
  }

  /**
   * Validates and normalises a submission without touching the database.
   *
   * @throws InvalidSubmissionException naming every field that cannot be accepted
   */
  public Prepared prepare(LeadCaptureRequest request) {
    return new Prepared(normalise(request));
  }

  /** {@link #capture(LeadCaptureRequest, String)} of a prepared submission. */
  public CaptureResult capture(Prepared submission, String actor) {
    Lead candidate = submission.candidate;
    CaptureResult result;
    try {
      result = transaction.execute(status -> captureInTransaction(candidate, actor));
    } catch (DuplicateKeyException concurrentDuplicate) {
      result = existing(candidate).orElseThrow(() -> concurrentDuplicate);
    }
    metrics.captured(result.outcome().name());
    return result;
  }

  /**
   * Captures several prepared submissions in one transaction, in their order, as {@link #capture} would one
   * after the other: a later one sees what the earlier ones created (a re-send of one finds its lead, a second
   * submission of a contact attaches to it). If any of them fails, nothing of any of them stays, and the
   * exception is thrown; the caller then captures them one at a time to find out which one it was. The
   * contact locks of all of them are taken first, in bucket order ({@link ContactLocks#lockAll}).
   */
  public List<CaptureResult> captureAll(List<Prepared> submissions, String actor) {
    List<CaptureResult> results = transaction.execute(status -> {
      contactLocks.lockAll(submissions.stream()
          .flatMap(submission -> Stream.of(submission.candidate.email(), submission.candidate.phone()))
          .toList());
      return submissions.stream().map(submission -> captureInTransaction(submission.candidate, actor)).toList();
    });
    results.forEach(result -> metrics.captured(result.outcome().name()));
    return results;
  }

  private CaptureResult captureInTransaction(Lead candidate, String actor) {
    Optional<CaptureResult> existing = existing(candidate);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    contactLocks.lock(candidate.email(), candidate.phone());   // a concurrent capture of this person waits here
    List<Lead> open = leads.findOpenByContact(candidate.email(), candidate.phone(), null);
    if (!open.isEmpty()) {
      Lead lead = open.get(0);
      submissions.insert(candidate.source(), candidate.externalId(), lead.id(), Outcome.ATTACHED_TO_OPEN_LEAD.name(),
          candidate.intent().name(), now, actor);
      reengage(lead, candidate, actor);
      return new CaptureResult(Outcome.ATTACHED_TO_OPEN_LEAD, leads.get(lead.id()));
    }
    submissions.insert(candidate.source(), candidate.externalId(), candidate.id(), Outcome.CREATED.name(),
        candidate.intent().name(), now, actor);
    leads.create(candidate, actor);
    engagements.attachPending(candidate.id(), candidate.email());   // scored before Task_ScoreLead decides
    runtime.createProcessInstanceByKey(LeadLifecycle.KEY)
        .businessKey(candidate.id())
        .setVariables(LeadVariables.LEAD_ID.with(candidate.id()))
        .setVariable(LeadVariables.INTENT.name(), candidate.intent().name())
        .setVariable(LeadVariables.RECYCLE_COUNT.name(), 0)
        .execute();
    return new CaptureResult(Outcome.CREATED, leads.get(candidate.id()));
  }

  private Optional<CaptureResult> existing(Lead candidate) {
    return submissions.findLeadId(candidate.source(), candidate.externalId())
        .map(leadId -> new CaptureResult(Outcome.ALREADY_CAPTURED, leads.get(leadId)));
  }

  /**
   * The contact came back: log it, and wake the nurture track if the lead waits there; otherwise the
   * engagement still counts towards the score the SDR or rep sees.
   */
  private void reengage(Lead lead, Lead submission, String actor) {
    String engagement = LeadScoringService.RESUBMISSION + submission.intent().name();
    leads.recordActivity(lead.id(), ActivityType.REENGAGEMENT, submission.intent().name(), null, actor,
        "new submission " + submission.source() + "/" + submission.externalId()
            + (submission.campaign() == null ? "" : " from campaign " + submission.campaign()));
    engagements.engage(lead.id(), engagement, actor);
  }

  private Lead normalise(LeadCaptureRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String email = normalizer.email(request.email());
    String phone = null;
    if (ContactNormalizer.blankToNull(request.phone()) != null) {
      phone = normalizer.phone(request.phone(), request.country()).orElse(null);
      if (phone == null) {
        errors.add(new FieldError("phone", request.country() == null
            ? "must be a valid phone number in international format (+country code), or give 'country'"
            : "must be a valid phone number for country " + request.country().toUpperCase(Locale.ROOT)));
      }
    }
    if (email == null && ContactNormalizer.blankToNull(request.phone()) == null) {
      errors.add(new FieldError("email", "email or phone is required"));
      errors.add(new FieldError("phone", "email or phone is required"));
    }
    Instant now = clock.instant();
    Instant capturedAt = request.capturedAt() == null ? now : request.capturedAt();
    if (capturedAt.isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("capturedAt", "must not be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidSubmissionException(errors);
    }
    return new Lead(UUID.randomUUID().toString(), request.source().toLowerCase(Locale.ROOT),
        request.externalId().strip(), trim(request.campaign()), trim(request.landingPage()), request.intent(),
        trim(request.firstName()), trim(request.lastName()), email, phone, trim(request.company()),
        trim(request.title()), request.companySize(), trim(request.industry()),
        request.country() == null ? null : request.country().toUpperCase(Locale.ROOT), trim(request.region()),
        trim(request.productInterest()), request.consent(), capturedAt, request.cost(), LeadStage.CAPTURED, now,
        null, 0, 0, null, null, null, 0, null, null, null, null, null, now, null, null);
  }

  private static String trim(String value) {
    return ContactNormalizer.blankToNull(value) == null ? null : value.strip();
  }
}
