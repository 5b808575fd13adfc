package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parses and checks the values of one cost or plan row, collecting a {@link RowError} per bad value. */
final class MoneyValues {

  private final int row;
  private final List<RowError> errors;

  MoneyValues(int row, List<RowError> errors) {
    this.row = row;
    this.errors = errors;
  }

  String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new RowError(row, field, "must not be empty"));
      }
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(new RowError(row, field, "must be at most " + max + " characters"));
      return null;
    }
    return value.strip();
  }

  LocalDate date(String field, String value) {
    if (text(field, value, 10, true) == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new RowError(row, field, "must be an ISO date like 2026-11-01"));
      return null;
    }
  }

  YearMonth month(String field, String value) {
    if (text(field, value, 7, true) == null) {
      return null;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new RowError(row, field, "must be a month like 2026-12"));
      return null;
    }
  }

  /** A non-negative amount with at most 2 decimals, below 10^12. */
  BigDecimal amount(String field, String value) {
    if (text(field, value, 20, true) == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value.strip());
      if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
        errors.add(new RowError(row, field, "must be a number >= 0 with at most 2 decimals and 12 digits"));
        return null;
      }
      return amount.setScale(2);
    } catch (NumberFormatException e) {
      errors.add(new RowError(row, field, "must be a number like 1250.00"));
      return null;
    }
  }

  void error(String field, String message) {
    errors.add(new RowError(row, field, message));
  }
}
