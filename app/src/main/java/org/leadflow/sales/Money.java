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
}
