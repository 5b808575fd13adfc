package org.leadflow.capture;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises captures of one contact across threads and nodes: the capture transaction locks the bucket of
 * its normalised email and of its phone, in bucket order (so two captures never wait on each other crosswise),
 * before it looks for the contact's open lead. The second of two concurrent submissions of a person then sees
 * the lead the first created and attaches to it instead of creating a second one. The bucket is
 * {@link String#hashCode()} (the same on every JVM) modulo {@link ContactLockMapper#BUCKETS}.
 */
@Component
class ContactLocks {

  private final ContactLockMapper locks;

  ContactLocks(ContactLockMapper locks) {
    this.locks = locks;
  }

  /** Holds the contact's buckets until the surrounding transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  void lock(String email, String phone) {
    Stream.of(email, phone).filter(Objects::nonNull).mapToInt(ContactLocks::bucket).distinct().sorted()
        .forEach(bucket -> {
          if (locks.lock(bucket) == null) {
            throw new IllegalStateException("lead_contact_lock has no bucket " + bucket + " (V013)");
          }
        });
  }

  /**
   * {@link #lock} for the contacts of several captures in one transaction (an intake batch), all buckets at
   * once and in bucket order, before the first capture: locking them capture by capture would take them out of
   * order, and two batches could wait on each other crosswise.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void lockAll(Collection<String> contactKeys) {
    List<Integer> buckets = contactKeys.stream().filter(Objects::nonNull).map(ContactLocks::bucket).distinct()
        .sorted().toList();
    if (!buckets.isEmpty() && locks.lockAll(buckets).size() != buckets.size()) {
      throw new IllegalStateException("lead_contact_lock lacks some of the buckets " + buckets + " (V013)");
    }
  }

  static int bucket(String contactKey) {
    return Math.floorMod(contactKey.hashCode(), ContactLockMapper.BUCKETS);
  }
}
