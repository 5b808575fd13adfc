package org.leadflow.capture;

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

  static int bucket(String contactKey) {
    return Math.floorMod(contactKey.hashCode(), ContactLockMapper.BUCKETS);
  }
}
