package org.leadflow.capture;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Normalises contact data so duplicates can be found: lower-case email, E.164 phone (libphonenumber). */
@Component
public class ContactNormalizer {

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  public String email(String email) {
    return blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * @param country ISO alpha-2 region used when the number has no international prefix
   * @return the E.164 form, or empty when the number is not a valid phone number
   */
  public Optional<String> phone(String phone, String country) {
    try {
      String region = country == null ? "ZZ" : country.toUpperCase(Locale.ROOT);
      PhoneNumber number = phones.parse(phone, region);
      if (!phones.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(phones.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException malformed) {
      return Optional.empty();
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
