package org.leadflow.rhythm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails stored digests to their manager (the address of the Camunda identity user), only when
 * {@code spring.mail.host} is set. Runs after the digest committed, every
 * {@code lead.rhythm.digest.mail-retry-interval}: a digest whose mail failed (SMTP down, no address)
 * keeps {@code mailed_at} null, counts the attempt, logs why, and is tried again on the next run, up to
 * {@code lead.rhythm.digest.mail-max-attempts}. The digest itself is never undone by a mail failure.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class DigestMailer {

  private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);
  private static final int BATCH = 50;
  /** A claim older than this is from a node that died while sending: the e-mail is tried again. */
  private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

  private final RhythmMapper rhythm;
  private final JavaMailSender mail;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final RhythmProperties properties;
  private final Clock clock;

  public DigestMailer(RhythmMapper rhythm, JavaMailSender mail, IdentityService identity, ObjectMapper json,
      RhythmProperties properties, Clock clock) {
    this.rhythm = rhythm;
    this.mail = mail;
    this.identity = identity;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "#{@'lead.rhythm-org.leadflow.rhythm.RhythmProperties'.digest().mailRetryInterval().toMillis()}",
      initialDelay = 1_000)
  public void sendPending() {
    for (Digest digest : rhythm.findUnmailed(properties.digest().mailMaxAttempts(), BATCH)) {
      Instant now = clock.instant();
      if (rhythm.claimMail(digest.id(), now, now.minus(CLAIM_TIMEOUT)) == 0) {
        continue;   // another node sends it (or just did)
      }
      try {
        String to = addressOf(digest.managerId()).orElseThrow(() -> new IllegalStateException(
            "manager " + digest.managerId() + " has no e-mail address in the Camunda identity"));
        mail.send(message(digest, to));
        rhythm.markMailed(digest.id(), clock.instant());
        log.info("Digest {} of team {} for {} mailed to {}", digest.id(), digest.teamId(), digest.localDate(), to);
      } catch (MailException | IllegalStateException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        rhythm.markMailFailed(digest.id(), error.length() > 500 ? error.substring(0, 500) : error);
        log.warn("Digest {} of team {} not mailed (attempt {} of {}), retried in {}: {}", digest.id(),
            digest.teamId(), digest.mailAttempts() + 1, properties.digest().mailMaxAttempts(),
            properties.digest().mailRetryInterval(), error);
      }
    }
  }

  private Optional<String> addressOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(User::getEmail).filter(address -> !address.isBlank());
  }

  SimpleMailMessage message(Digest digest, String to) {
    JsonNode content = read(digest.content());
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.digest().mailFrom());
    message.setTo(to);
    message.setSubject("leadflow digest " + content.path("teamName").asText(digest.teamId()) + " "
        + digest.localDate() + ": " + digest.overdueTasks() + " overdue task(s)");
    message.setText(DigestText.of(content));
    return message;
  }

  private JsonNode read(String content) {
    try {
      return json.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Digest content is not JSON", e);
    }
  }
}
