package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadValidityServiceTest {

  private final LeadService leads = mock(LeadService.class);
  private final LeadValidityService validity = new LeadValidityService(leads);

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
    verify(leads).markValid("lead-7");
    verify(leads, never()).markInvalid(anyString(), any(), any(), any(), any());
  }

  @Test
  void aLeadReachableOnlyByPhoneIsValid() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").email(null).phone("+4915123456789");

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.valid()).isTrue();
    verify(leads).markValid("lead-7");
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
    verify(leads).markInvalid("lead-7", InvalidReason.MISSING_CONTACT, null, "system", "neither email nor phone");
    verify(leads, never()).markValid(anyString());
  }

  @Test
  void aLeadWithoutConsentIsInvalid() {
    // given
    TestLeads lead = TestLeads.lead("lead-7").consent(false);

    // when
    LeadValidityService.Verdict verdict = check(lead);

    // then
    assertThat(verdict.reason()).isEqualTo(InvalidReason.NO_CONSENT);
    verify(leads).markInvalid("lead-7", InvalidReason.NO_CONSENT, null, "system", "no consent to be contacted");
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
    verify(leads).markInvalid("lead-7", InvalidReason.TEST, null, "system", "test pattern in name or email");
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
    verify(leads).markInvalid("lead-7", InvalidReason.SPAM, null, "system", "links in name or company fields");
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
    verify(leads).markInvalid("lead-7", InvalidReason.DUPLICATE, "lead-3", "system", "same contact as lead lead-3");
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
    verify(leads).markValid("lead-7");
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
}
