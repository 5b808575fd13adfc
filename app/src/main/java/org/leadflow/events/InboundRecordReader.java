package org.leadflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.JsonFieldErrors;
import org.springframework.stereotype.Component;

/**
 * Reads an inbound record's JSON value into a request type and validates it with the same bean
 * validation as the REST API, so a record is accepted or refused for the same reasons as a request.
 * Anything unreadable becomes a {@link PoisonRecordException} naming the fields.
 */
@Component
public class InboundRecordReader {

  /** The "field" named when the record as a whole is wrong. */
  public static final String RECORD = "record";

  private final ObjectMapper json;
  private final Validator validator;

  public InboundRecordReader(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public <T> T read(ConsumerRecord<String, String> record, Class<T> type, int maxBytes) {
    String value = record.value();
    if (value == null || value.isBlank()) {
      throw poison(RECORD, "is empty: a JSON object is required");
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw poison(RECORD, "is " + bytes + " bytes, larger than the " + maxBytes + " bytes allowed");
    }
    T parsed;
    try {
      parsed = json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new PoisonRecordException(e.getClass().getSimpleName().contains("Parse")
          ? List.of(new FieldError(RECORD, "is not valid JSON: " + e.getOriginalMessage()))
          : JsonFieldErrors.of(e, RECORD));
    }
    if (parsed == null) {
      throw poison(RECORD, "must be a JSON object");
    }
    List<FieldError> errors = validator.validate(parsed).stream()
        .map(InboundRecordReader::toFieldError)
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    if (!errors.isEmpty()) {
      throw new PoisonRecordException(errors);
    }
    return parsed;
  }

  private static FieldError toFieldError(ConstraintViolation<?> violation) {
    return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
  }

  private static PoisonRecordException poison(String field, String message) {
    return new PoisonRecordException(List.of(new FieldError(field, message)));
  }
}
