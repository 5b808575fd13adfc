package org.leadflow.rules;

import java.time.Duration;
import java.util.Map;

/**
 * One rule of a decision table that matched: its id (the DMN {@code rule/@id}), its annotation (the
 * table's description column, may be null) and its outputs by output name.
 */
public record RuleMatch(String ruleId, String annotation, Map<String, Object> outputs) {

  public Object output(String name) {
    return outputs.get(name);
  }

  public String string(String name) {
    Object value = outputs.get(name);
    return value == null ? null : value.toString();
  }

  public Integer integer(String name) {
    Object value = outputs.get(name);
    return value == null ? null : ((Number) value).intValue();
  }

  public Double decimal(String name) {
    Object value = outputs.get(name);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public Boolean bool(String name) {
    Object value = outputs.get(name);
    return value == null ? null : (Boolean) value;
  }

  /** An ISO-8601 duration output such as {@code "PT4H"}. */
  public Duration duration(String name) {
    String value = string(name);
    return value == null ? null : Duration.parse(value);
  }
}
