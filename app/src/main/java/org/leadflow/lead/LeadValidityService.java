package org.leadflow.lead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.leadflow.capture.ContactNormalizer;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleMatch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic validity checks both sides agreed on (DOMAIN.md "Validity"). Java computes the facts
 * about a lead (contact given and well-formed, disposable or role mailbox, real phone number,
 * duplicate of an open lead, spam, test, consent); the decision table {@code lead-validity}
 * ({@code processes/lead-validity.dmn}, hit policy FIRST) decides in priority order whether the lead
 * is valid and with which {@link InvalidReason}. Reachability and need are the SDR's call.
 */
@Service
@Transactional
public class LeadValidityService {

  public static final String DECISION = "lead-validity";

  /** Names, local parts and domains that mark test or spam submissions. */
  private static final Pattern TEST_WORD = Pattern.compile("^(test|testing|tester|asdf|qwerty|dummy|foo|bar|xxx+|aaa+)$");
  private static final Set<String> TEST_DOMAINS = Set.of("example.com", "example.org", "example.net", "test.com", "test.de");
  private static final Pattern SPAM_TEXT = Pattern.compile("(https?://|www\\.|<a |\\[url)");
  /** Shared mailboxes that reach a team or nobody, not the person who asked. */
  private static final Set<String> ROLE_MAILBOXES = Set.of("info", "sales", "admin", "administrator", "noreply",
      "no-reply", "donotreply", "do-not-reply", "support", "office", "contact", "hello", "team", "marketing",
      "webmaster", "postmaster", "hostmaster", "abuse", "billing", "accounts", "enquiries", "inquiries", "mail",
      "kontakt", "help", "service", "hr", "jobs", "careers", "press");
  /** local@domain.tld: no spaces, one @, a dot in the domain, a top-level domain of two letters or more. */
  private static final Pattern WELL_FORMED_EMAIL =
      Pattern.compile("^[^@\\s]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

  private final LeadService leads;
  private final RuleBook rules;
  private final ContactNormalizer normalizer;
  private final Set<String> disposableDomains;

  public LeadValidityService(LeadService leads, RuleBook rules, ContactNormalizer normalizer) {
    this.leads = leads;
    this.rules = rules;
    this.normalizer = normalizer;
    this.disposableDomains = loadDisposableDomains();
  }

  /**
   * What the table decided: {@code rule} is its ref ({@code lead-validity:v1/Rule_DisposableEmail}),
   * {@code detail} the facts behind it in words.
   */
  public record Verdict(boolean valid, InvalidReason reason, String duplicateOf, String detail, String rule) {}

  /** What Java knows about the lead; the table's inputs. */
  public record Facts(boolean hasEmail, boolean emailWellFormed, boolean disposableEmail, boolean roleEmail,
      boolean hasPhone, boolean phoneValid, String duplicateOf, boolean spam, boolean test, boolean consent) {

    Map<String, Object> inputs() {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("hasEmail", hasEmail);
      inputs.put("emailWellFormed", emailWellFormed);
      inputs.put("disposableEmail", disposableEmail);
      inputs.put("roleEmail", roleEmail);
      inputs.put("hasPhone", hasPhone);
      inputs.put("phoneValid", phoneValid);
      inputs.put("duplicate", duplicateOf != null);
      inputs.put("spam", spam);
      inputs.put("test", test);
      inputs.put("consent", consent);
      return inputs;
    }
  }

  /** Checks the lead and records the verdict (an invalid lead moves to INVALID with its reason, rule and detail). */
  public Verdict checkAndRecord(String leadId, String actor) {
    Lead lead = leads.get(leadId);
    Verdict verdict = check(lead);
    if (verdict.valid()) {
      leads.markValid(lead, verdict.rule());
    } else {
      leads.markInvalid(leadId, verdict.reason(), verdict.duplicateOf(), actor, verdict.detail(), verdict.rule());
    }
    return verdict;
  }

  Verdict check(Lead lead) {
    Facts facts = facts(lead);
    RuleDecision decision = rules.evaluate(DECISION, facts.inputs());
    RuleMatch match = decision.single();
    if (Boolean.TRUE.equals(match.bool("valid"))) {
      return new Verdict(true, null, null, null, decision.ref(match));
    }
    InvalidReason reason = InvalidReason.valueOf(match.string("reasonCode"));
    return new Verdict(false, reason, reason == InvalidReason.DUPLICATE ? facts.duplicateOf() : null,
        detail(reason, lead, facts), decision.ref(match));
  }

  /** The facts the validity table decides on. */
  public Facts facts(Lead lead) {
    String email = lead.email();
    boolean hasEmail = email != null && !email.isBlank();
    String local = hasEmail && email.contains("@") ? email.substring(0, email.lastIndexOf('@')) : email;
    String domain = hasEmail && email.contains("@") ? email.substring(email.lastIndexOf('@') + 1) : null;
    boolean hasPhone = lead.phone() != null && !lead.phone().isBlank();
    return new Facts(hasEmail,
        hasEmail && WELL_FORMED_EMAIL.matcher(email.toLowerCase(Locale.ROOT)).matches(),
        domain != null && isDisposable(domain.toLowerCase(Locale.ROOT)),
        local != null && ROLE_MAILBOXES.contains(mailbox(local)),
        hasPhone,
        hasPhone && normalizer.phone(lead.phone(), lead.country()).isPresent(),
        earlierOpenLead(lead),
        isSpam(lead),
        isTest(lead, local, domain),
        lead.consent());
  }

  private static String detail(InvalidReason reason, Lead lead, Facts facts) {
    return switch (reason) {
      case MISSING_CONTACT -> "neither email nor phone";
      case NO_CONSENT -> "no consent to be contacted";
      case TEST -> "test pattern in name or email";
      case SPAM -> "links in name or company fields";
      case MALFORMED_CONTACT -> "email '" + lead.email() + "' is not a deliverable address";
      case INVALID_PHONE -> "phone " + lead.phone() + " is not a real number"
          + (lead.country() == null ? "" : " for " + lead.country());
      case DISPOSABLE_EMAIL -> "disposable email domain "
          + lead.email().substring(lead.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
      case ROLE_EMAIL -> "role address " + lead.email() + " and no phone";
      case DUPLICATE -> "same contact as lead " + facts.duplicateOf();
      default -> describe(facts);
    };
  }

  private static String describe(Facts facts) {
    StringJoiner text = new StringJoiner(", ");
    facts.inputs().forEach((name, value) -> text.add(name + "=" + value));
    return text.toString();
  }

  /** The oldest open lead with this email or phone captured before this one (ties: the smaller id). */
  private String earlierOpenLead(Lead lead) {
    List<Lead> earlier = leads.findOpenByContact(lead.email(), lead.phone(), lead.id()).stream()
        .filter(other -> other.capturedAt().isBefore(lead.capturedAt())
            || (other.capturedAt().equals(lead.capturedAt()) && other.id().compareTo(lead.id()) < 0))
        .toList();
    return earlier.isEmpty() ? null : earlier.get(0).id();
  }

  private boolean isDisposable(String domain) {
    for (String candidate = domain; candidate.contains("."); candidate = candidate.substring(candidate.indexOf('.') + 1)) {
      if (disposableDomains.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** The mailbox without a {@code +tag}: {@code sales+web} is {@code sales}. */
  private static String mailbox(String local) {
    String lower = local.toLowerCase(Locale.ROOT);
    int plus = lower.indexOf('+');
    return plus < 0 ? lower : lower.substring(0, plus);
  }

  private static boolean isTest(Lead lead, String local, String domain) {
    if (isTestWord(lead.firstName()) || isTestWord(lead.lastName())) {
      return true;
    }
    return (local != null && isTestWord(local)) || (domain != null && TEST_DOMAINS.contains(domain.toLowerCase(Locale.ROOT)));
  }

  private static boolean isTestWord(String text) {
    return text != null && TEST_WORD.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
  }

  private static boolean isSpam(Lead lead) {
    return containsSpam(lead.firstName()) || containsSpam(lead.lastName()) || containsSpam(lead.company());
  }

  private static boolean containsSpam(String text) {
    return text != null && SPAM_TEXT.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  private static Set<String> loadDisposableDomains() {
    InputStream list = LeadValidityService.class.getResourceAsStream("/rules/disposable-email-domains.txt");
    if (list == null) {
      throw new IllegalStateException("rules/disposable-email-domains.txt is missing from the classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
