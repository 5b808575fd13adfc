package org.leadflow.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What a JSON body that Jackson could not read did wrong, as field errors (REST and Kafka alike). */
public final class JsonFieldErrors {

  private JsonFieldErrors() {}

  /** @param whole the name used when no field can be blamed, e.g. "body" or "record" */
  public static List<FieldError> of(JsonProcessingException e, String whole) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      String message;
      if (mapping instanceof UnrecognizedPropertyException) {
        message = "is not a known field";
      } else if (mapping instanceof InvalidFormatException format) {
        message = describe(format.getTargetType());
      } else {
        message = "has the wrong type or format";
      }
      return List.of(new FieldError(field, message));
    }
    return List.of(new FieldError(whole, "must be a JSON object"));
  }

  public static String describe(Class<?> type) {
    return type != null && type.isEnum() ? allowedValues(type)
        : "cannot be read as a " + (type == null ? "value" : type.getSimpleName());
  }

  public static String allowedValues(Class<?> type) {
    if (type != null && type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    return "has the wrong type";
  }
}
