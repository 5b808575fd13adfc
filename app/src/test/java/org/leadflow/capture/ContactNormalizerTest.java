package org.leadflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactNormalizerTest {

  private final ContactNormalizer normalizer = new ContactNormalizer();

  @Test
  void anEmailIsTrimmedAndLowerCasedSoTheSameMailboxMatches() {
    // when
    String email = normalizer.email("  Ada.Lovelace@Analytical.IO \t");

    // then
    assertThat(email).isEqualTo("ada.lovelace@analytical.io");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingEmailStaysMissing(String email) {
    // when / then
    assertThat(normalizer.email(email)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "030 12345678, DE, +493012345678",
      "0151 23456789, DE, +4915123456789",
      "(0151) 234-567-89, de, +4915123456789",
      "0049 151 23456789, DE, +4915123456789"})
  void aGermanNationalNumberWithCountryDeBecomesE164(String phone, String country, String e164) {
    // when / then
    assertThat(normalizer.phone(phone, country)).contains(e164);
  }

  @ParameterizedTest
  @CsvSource(value = {
      "+49 151 23456789, null",
      "+49 (0)30 12345678, null",
      "+49 151 23456789, US"}, nullValues = "null")
  void anInternationalNumberNeedsNoCountryAndIgnoresIt(String phone, String country) {
    // when / then
    assertThat(normalizer.phone(phone, country)).hasValueSatisfying(e164 -> assertThat(e164).startsWith("+49"));
  }

  @Test
  void theSameGermanMobileWrittenNationallyAndInternationallyNormalisesAlike() {
    // when / then
    assertThat(normalizer.phone("0151 23456789", "DE")).isEqualTo(normalizer.phone("+49 151 23456789", null));
  }

  @Test
  void aUsNumberWithCountryUsBecomesE164() {
    // when / then
    assertThat(normalizer.phone("(201) 555-0123", "US")).contains("+12015550123");
  }

  @Test
  void aNationalNumberWithoutCountryCannotBeNormalised() {
    // when / then
    assertThat(normalizer.phone("0151 23456789", null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "0151", "+49 1", "not a number", "", "+999 12345678"})
  void anInvalidOrTooShortNumberIsNotANumber(String phone) {
    // when / then
    assertThat(normalizer.phone(phone, "DE")).isEmpty();
  }

  @Test
  void aMissingNumberIsNotANumber() {
    // when / then
    assertThat(normalizer.phone(null, "DE")).isEmpty();
  }
}
