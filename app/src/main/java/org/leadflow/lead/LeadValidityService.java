package org.leadflow.lead;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic validity checks both sides agreed on (DOMAIN.md "Validity"): a contact to reach,
 * consent, not spam or a test, not a duplicate of an open lead. Reachability and need are the SDR's
 * call. The DMN table of the rules issue takes these over.
 */
@Service
@Transactional
public class LeadValidityService {

  /** Names, local parts and domains that mark test or spam submissions. */
  private static final Pattern TEST_WORD = Pattern.compile("^(test|testing|tester|asdf|qwerty|dummy|foo|bar|xxx+|aaa+)$");
  private static final Set<String> TEST_DOMAINS = Set.of("example.com", "example.org", "example.net", "test.com", "test.de");
  private static final Pattern SPAM_TEXT = Pattern.compile("(https?://|www\\.|<a |\\[url)");

  private final LeadService leads;

  public LeadValidityService(LeadService leads) {
    this.leads = leads;
  }

  public record Verdict(boolean valid, InvalidReason reason, String duplicateOf, String detail) {

    static Verdict ok() {
      return new Verdict(true, null, null, null);
    }

    static Verdict invalid(InvalidReason reason, String duplicateOf, String detail) {
      return new Verdict(false, reason, duplicateOf, detail);
    }
  }

  /** Checks the lead and records the verdict (an invalid lead moves to INVALID with its reason). */
  public Verdict checkAndRecord(String leadId, String actor) {
    Lead lead = leads.get(leadId);
    Verdict verdict = check(lead);
    if (verdict.valid()) {
      leads.markValid(leadId);
    } else {
      leads.markInvalid(leadId, verdict.reason(), verdict.duplicateOf(), actor, verdict.detail());
    }
    return verdict;
  }

  Verdict check(Lead lead) {
    if (lead.email() == null && lead.phone() == null) {
      return Verdict.invalid(InvalidReason.MISSING_CONTACT, null, "neither email nor phone");
    }
    if (!lead.consent()) {
      return Verdict.invalid(InvalidReason.NO_CONSENT, null, "no consent to be contacted");
    }
    if (isTest(lead)) {
      return Verdict.invalid(InvalidReason.TEST, null, "test pattern in name or email");
    }
    if (isSpam(lead)) {
      return Verdict.invalid(InvalidReason.SPAM, null, "links in name or company fields");
    }
    List<Lead> earlier = leads.findOpenByContact(lead.email(), lead.phone(), lead.id()).stream()
        .filter(other -> other.capturedAt().isBefore(lead.capturedAt())
            || (other.capturedAt().equals(lead.capturedAt()) && other.id().compareTo(lead.id()) < 0))
        .toList();
    if (!earlier.isEmpty()) {
      return Verdict.invalid(InvalidReason.DUPLICATE, earlier.get(0).id(), "same contact as lead " + earlier.get(0).id());
    }
    return Verdict.ok();
  }

  private static boolean isTest(Lead lead) {
    if (isTestWord(lead.firstName()) || isTestWord(lead.lastName())) {
      return true;
    }
    if (lead.email() == null) {
      return false;
    }
    String local = lead.email().substring(0, lead.email().indexOf('@'));
    String domain = lead.email().substring(lead.email().indexOf('@') + 1);
    return isTestWord(local) || TEST_DOMAINS.contains(domain);
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
}
