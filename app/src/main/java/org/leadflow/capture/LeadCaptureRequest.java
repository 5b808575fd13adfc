package org.leadflow.capture;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.leadflow.lead.Intent;

/**
 * A lead submission from a channel ({@code POST /api/leads}; the Kafka intake reuses it).
 * {@code source} + {@code externalId} identify the submission: sending it again changes nothing.
 */
public record LeadCaptureRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
        message = "must be 1-40 letters, digits, '.', '_' or '-'") String source,
    @NotBlank @Size(max = 200) String externalId,
    @NotNull Intent intent,
    @Size(max = 200) String campaign,
    @Size(max = 500) String landingPage,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$", message = "must be a well-formed email address") String email,
    @Size(max = 40) String phone,
    @Size(max = 200) String company,
    @Size(max = 200) String title,
    @Min(1) @Max(10_000_000) Integer companySize,
    @Size(max = 100) String industry,
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country,
    @Size(max = 100) String region,
    @Size(max = 200) String productInterest,
    @NotNull Boolean consent,
    Instant capturedAt,
    @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal cost) {

  /** Surrounding blanks (copy and paste) are not an error: they are gone before validation. */
  public LeadCaptureRequest {
    source = strip(source);
    externalId = strip(externalId);
    email = strip(email);
    phone = strip(phone);
    country = strip(country);
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
