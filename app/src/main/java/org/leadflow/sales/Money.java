package org.leadflow.sales;

import java.math.BigDecimal;

/** Form numbers arrive as Long or Double; deal values are stored as decimals. */
final class Money {

  private Money() {}

  static BigDecimal of(Number value) {
    if (value == null) {
      return null;
    }
    return value instanceof Long || value instanceof Integer
        ? BigDecimal.valueOf(value.longValue())
        : BigDecimal.valueOf(value.doubleValue());
  }

  /** For a form field: a Long when whole, else a Double; null stays null. */
  static Number toNumber(BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() <= 0) {
      return Long.valueOf(value.longValueExact());
    }
    return Double.valueOf(value.doubleValue());
  }
}
