package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.capture.ContactNormalizer;
import org.leadflow.rules.DecisionTableTest;

/**
 * The facts Java computes and the deployed lead-validity table deciding on them; every rule row of
 * the table is hit by a test here (DecisionTableTest).
 */
@Deployment(resources = "processes/lead-validity.dmn")
class LeadValidityServiceTest extends DecisionTableTest {

  private static final String RULE = "lead-validity:v1/";

  private final LeadService leads = mock(LeadService.class);
  private LeadValidityService validity;

  @BeforeEach
  void validityOverTheDeployedTable() {
    validity = new LeadValidityService(leads, rules(), new ContactNormalizer());
  }

  private LeadValidityService.Verdict check(TestLeads lead) {
    Lead built = lead.build();
    when(leads.get(built.id())).thenReturn(built);
    return validity.checkAndRecord(built.id(), "system");
  }

  @Test
  void aLeadWithContactConsentAndNoSuspiciousDataIsMarkedValid() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").firstName("Grace").lastName("Hopper")
        .email("grace@navy.mil").company("US Navy");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isTrue();
    verify(leads).markValid(argThat(valid -> "lead-7".equals(valid.id())), eq(RULE + "Rule_Valid"));
    verify(leads, never()).markInvalid(anyString(), any(), any(), any(), any(), any());
  }

  @Test
  void aLeadReachableOnlyByPhoneIsValid() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(null).phone("+4915123456789");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isTrue();
    verify(leads).markValid(argThat(valid -> "lead-7".equals(valid.id())), eq(RULE + "Rule_Valid"));
  }

  @Test
  void aLeadWithNeitherEmailNorPhoneIsInvalidForMissingContact() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(null).phone(null);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reason()).isEqualTo(InvalidReason.MISSING_CONTACT);
    verify(leads).markInvalid("lead-7", InvalidReason.MISSING_CONTACT, null, "system", "neither email nor phone",
        RULE + "Rule_MissingContact");
    verify(leads, never()).markValid(any(), any());
  }

  @Test
  void aLeadWithoutConsentIsInvalid() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").consent(false);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.NO_CONSENT);
    verify(leads).markInvalid("lead-7", InvalidReason.NO_CONSENT, null, "system", "no consent to be contacted",
        RULE + "Rule_NoConsent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Test", "  TESTING ", "asdf", "qwerty", "Dummy", "foo", "xxx", "xxxxx", "aaaa"})
  void aTestWordAsFirstNameMarksTheLeadAsATest(String firstName) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").firstName(firstName);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.TEST);
    verify(leads).markInvalid("lead-7", InvalidReason.TEST, null, "system", "test pattern in name or email",
        RULE + "Rule_Test");
  }

  @Test
  void aTestWordAsLastNameMarksTheLeadAsATest() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").lastName("Tester");

    // when / then
    assertThat(check(lead).reason()).isEqualTo(InvalidReason.TEST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"test@acme.io", "asdf@acme.io", "grace@example.com", "grace@example.org",
      "grace@example.net", "grace@test.com", "grace@test.de"})
  void aTestMailboxOrDomainMarksTheLeadAsATest(String email) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(email);

    // when / then
    assertThat(check(lead).reason()).isEqualTo(InvalidReason.TEST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Testa", "Foster", "Barbara", "Contest"})
  void namesThatMerelyContainATestWordAreNotTests(String lastName) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").lastName(lastName).email("contact.testimonials@acme-test.io");

    // when / then
    assertThat(check(lead).valid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Visit https://cheap.biz", "http://spam.example", "Buy at WWW.CHEAP.BIZ",
      "<a href='x'>click</a>", "[url=x]click[/url]"})
  void linksInTheCompanyFieldMarkTheLeadAsSpam(String company) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").company(company);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.SPAM);
    verify(leads).markInvalid("lead-7", InvalidReason.SPAM, null, "system", "links in name or company fields",
        RULE + "Rule_Spam");
  }

  @Test
  void aLinkInTheNameMarksTheLeadAsSpam() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").lastName("www.win-a-prize.biz");

    // when / then
    assertThat(check(lead).reason()).isEqualTo(InvalidReason.SPAM);
  }

  @Test
  void aLeadWithTheContactOfAnEarlierOpenLeadIsADuplicateOfIt() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email("grace@navy.mil").phone("+4915123456789");
    Lead earlier = TestLeads.lead("lead-3").email("grace@navy.mil")
        .capturedAt(TestLeads.CAPTURED_AT.minus(Duration.ofDays(3))).build();
    when(leads.findOpenByContact("grace@navy.mil", "+4915123456789", "lead-7")).thenReturn(List.of(earlier));

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reason()).isEqualTo(InvalidReason.DUPLICATE);
    assertThat(verdict.duplicateOf()).isEqualTo("lead-3");
    verify(leads).markInvalid("lead-7", InvalidReason.DUPLICATE, "lead-3", "system", "same contact as lead lead-3",
        RULE + "Rule_Duplicate");
  }

  @Test
  void theOldestEarlierOpenLeadIsNamedAsTheOriginal() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email("grace@navy.mil");
    Lead oldest = TestLeads.lead("lead-1").capturedAt(TestLeads.CAPTURED_AT.minus(Duration.ofDays(9))).build();
    Lead older = TestLeads.lead("lead-4").capturedAt(TestLeads.CAPTURED_AT.minus(Duration.ofDays(2))).build();
    when(leads.findOpenByContact("grace@navy.mil", null, "lead-7")).thenReturn(List.of(oldest, older));

    // when / then
    assertThat(check(lead).duplicateOf()).isEqualTo("lead-1");
  }

  @Test
  void aLaterOpenLeadWithTheSameContactDoesNotMakeThisOneADuplicate() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email("grace@navy.mil");
    Lead later = TestLeads.lead("lead-9").email("grace@navy.mil")
        .capturedAt(TestLeads.CAPTURED_AT.plus(Duration.ofMinutes(1))).build();
    when(leads.findOpenByContact("grace@navy.mil", null, "lead-7")).thenReturn(List.of(later));

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isTrue();
    verify(leads).markValid(argThat(valid -> "lead-7".equals(valid.id())), eq(RULE + "Rule_Valid"));
  }

  @Test
  void ofTwoLeadsCapturedAtTheSameInstantTheOneWithTheSmallerIdIsTheOriginal() {
    // given
    Lead twinA = TestLeads.lead("lead-a").email("grace@navy.mil").build();
    Lead twinB = TestLeads.lead("lead-b").email("grace@navy.mil").build();
    when(leads.get("lead-a")).thenReturn(twinA);
    when(leads.get("lead-b")).thenReturn(twinB);
    when(leads.findOpenByContact("grace@navy.mil", null, "lead-a")).thenReturn(List.of(twinB));
    when(leads.findOpenByContact("grace@navy.mil", null, "lead-b")).thenReturn(List.of(twinA));

    // when
    LeadValidityService.Verdict verdictA = validity.checkAndRecord("lead-a", "system");
    LeadValidityService.Verdict verdictB = validity.checkAndRecord("lead-b", "system");

    // then
    assertThat(verdictA.valid()).isTrue();
    assertThat(verdictB.reason()).isEqualTo(InvalidReason.DUPLICATE);
    assertThat(verdictB.duplicateOf()).isEqualTo("lead-a");
  }
  @ParameterizedTest
  @ValueSource(strings = {"ada@localhost", "ada@acme", "ada lovelace@acme.io", "ada@acme.i", "@acme.io", "ada@-acme.io"})
  void anEmailThatCannotBeDeliveredIsAMalformedContactEvenWithAPhone(String email) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(email).phone("+4915123456789");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.MALFORMED_CONTACT);
    assertThat(verdict.rule()).isEqualTo(RULE + "Rule_MalformedEmail");
    verify(leads).markInvalid("lead-7", InvalidReason.MALFORMED_CONTACT, null, "system",
        "email '" + email + "' is not a deliverable address", RULE + "Rule_MalformedEmail");
  }

  @Test
  void aPhoneThatIsNoRealNumberIsAnInvalidPhone() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(null).phone("+49123").country("DE");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.INVALID_PHONE);
    verify(leads).markInvalid("lead-7", InvalidReason.INVALID_PHONE, null, "system",
        "phone +49123 is not a real number for DE", RULE + "Rule_InvalidPhone");
  }

  @ParameterizedTest
  @CsvSource({"grace@mailinator.com, mailinator.com", "Grace@10MinuteMail.com, 10minutemail.com",
      "grace@guerrillamail.com, guerrillamail.com", "grace@eu.yopmail.com, eu.yopmail.com"})
  void aDisposableMailboxIsInvalidEvenWithAPhone(String email, String domain) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(email).phone("+4915123456789");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.DISPOSABLE_EMAIL);
    verify(leads).markInvalid("lead-7", InvalidReason.DISPOSABLE_EMAIL, null, "system",
        "disposable email domain " + domain, RULE + "Rule_DisposableEmail");
  }

  @ParameterizedTest
  @ValueSource(strings = {"info@acme.io", "sales@acme.io", "Admin@acme.io", "noreply@acme.io", "support@acme.io",
      "office@acme.io", "contact@acme.io", "sales+web@acme.io"})
  void aRoleAddressWithoutAPhoneReachesNoPerson(String email) {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(email).phone(null);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.ROLE_EMAIL);
    verify(leads).markInvalid("lead-7", InvalidReason.ROLE_EMAIL, null, "system",
        "role address " + email + " and no phone", RULE + "Rule_RoleEmailWithoutPhone");
  }

  @Test
  void aRoleAddressWithAValidPhoneStaysValidTheSdrCallsTheNumber() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email("info@acme.io").phone("+4915123456789");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isTrue();
    verify(leads).markValid(argThat(valid -> "lead-7".equals(valid.id())), eq(RULE + "Rule_Valid"));
  }

  @Test
  void personalMailboxesThatStartLikeARoleAreNoRoleAddresses() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email("info.desk.ada@acme.io").phone(null);

    // when / then
    assertThat(check(lead).valid()).isTrue();
  }

  @Test
  void theFirstRuleInPriorityOrderDecidesWhenSeveralApply() {
    // given no consent, a test name and a disposable mailbox
    TestLeads lead = TestLeads.lead("lead-7").firstName("Test").email("test@mailinator.com").consent(false);

    // when / then
    assertThat(check(lead).reason()).isEqualTo(InvalidReason.NO_CONSENT);
  }

  @Test
  void theFactsAreTheTablesInputs() {
    // given
    Lead lead = TestLeads.lead("lead-7").email("sales@mailinator.com").phone("+4915123456789").build();

    // when
    LeadValidityService.Facts facts = validity.facts(lead);

    // then
    assertThat(facts).isEqualTo(new LeadValidityService.Facts(true, true, true, true, true, true, null, false, false,
        true));
  }

  @Test
  void everyReasonTheTableGivesIsAnAutomaticReasonOfTheTaxonomy() {
    // given
    var model = org.camunda.bpm.model.dmn.Dmn.readModelFromStream(
        getClass().getClassLoader().getResourceAsStream("processes/lead-validity.dmn"));

    // when
    List<String> reasons = model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.OutputEntry.class).stream()
        .map(entry -> entry.getTextContent().strip())
        .filter(text -> text.startsWith("\""))
        .map(text -> text.substring(1, text.length() - 1))
        .toList();

    // then
    assertThat(reasons).isNotEmpty().allSatisfy(reason ->
        assertThat(InvalidReason.automatic()).contains(InvalidReason.valueOf(reason)));
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(InvalidReason.automatic().stream().map(Enum::name).toList());
  }
}
