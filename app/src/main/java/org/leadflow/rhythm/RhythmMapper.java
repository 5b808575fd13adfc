package org.leadflow.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/**
 * Tables {@code lead_daily_run}, {@code lead_digest}, {@code lead_call_review(_item)} and the calls the
 * sampling draws from ({@code lead_activity}). SQL in resources/mapper/RhythmMapper.xml.
 */
@Mapper
public interface RhythmMapper {

  boolean isClaimed(String kind, String teamId, LocalDate localDate);

  /** Fails with a duplicate key when the run was claimed already (by this or another node). */
  void claim(String kind, String teamId, LocalDate localDate, Instant claimedAt);

  void insertDigest(DigestRow digest);

  /** Newest first; {@code managerId} null: everyone's; {@code teamId} null: every team. */
  List<Digest> findDigests(String managerId, String teamId, int limit);

  Optional<Digest> findDigest(long id);

  /** Digests whose e-mail has not gone out and has failed fewer than {@code maxAttempts} times. */
  List<Digest> findUnmailed(int maxAttempts, int limit);

  /**
   * Takes the e-mail of an unmailed digest for this node: 1 if it is ours to send now, 0 if it went out
   * meanwhile or another node claimed it after {@code staleBefore}.
   */
  int claimMail(long id, Instant now, Instant staleBefore);

  void markMailed(long id, Instant mailedAt);

  void markMailFailed(long id, String error);

  /** Every call attempt and first contact the reps recorded in [from, to), with whether they tagged the lead negatively. */
  List<CallCandidate> findCalls(Collection<String> repIds, Instant from, Instant to);

  void insertReview(ReviewRow review);

  void insertReviewItem(CallReviewItem item);

  List<Long> findReviewIdsOfRun(String runId);

  Optional<SampledReview> findReview(long id);

  List<CallReviewItem> findReviewItems(long reviewId);

  void recordVerdict(long itemId, Boolean tagRight, String note, Instant reviewedAt);

  void completeReview(long id, Instant completedAt);

  /** A digest to insert; {@code id} is set by the insert. */
  class DigestRow {
    public Long id;
    public String teamId;
    public LocalDate localDate;
    public String managerId;
    public String timeZone;
    public Instant generatedAt;
    public int overdueTasks;
    public String content;
  }

  /** A review to insert; {@code id} is set by the insert. */
  class ReviewRow {
    public Long id;
    public String supervisorId;
    public LocalDate callDate;
    public String runId;
    public Instant createdAt;
  }
}
