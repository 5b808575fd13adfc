package org.leadflow.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded hostile lead submissions (the same seed gives the same payloads):
 * valid ones (the control group that must all arrive), fields given hostile values (any Unicode, control
 * characters, injection strings, oversized text, numbers, arrays, objects, null), fields dropped, unknown
 * fields, bodies that are not a JSON object, the wrong media type and bodies over the size limit.
 */
final class HostilePayloads {

  enum Kind { VALID, HOSTILE_VALUE, MISSING_FIELD, UNKNOWN_FIELD, NOT_AN_OBJECT, WRONG_MEDIA_TYPE, OVERSIZED }

  /** One submission; {@code key} is the Kafka key of the unmutated submission ({@code source:externalId}). */
  record Payload(int index, Kind kind, String body, String contentType, String key, String source, String externalId) {}

  static final String SOURCE = "hostile";
  static final List<String> FIELDS = List.of("source", "externalId", "intent", "campaign", "landingPage", "firstName",
      "lastName", "email", "phone", "company", "title", "companySize", "industry", "country", "region",
      "productInterest", "consent", "capturedAt", "cost");
  private static final List<String> NASTY = List.of("", "   ", "\u0000", "\u202Egnp.exe", "<script>alert(1)</script>",
      "' OR 1=1 --", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd", "%s%s%n", "😀👍🏽", "\uFEFF", "null", "NaN",
      "-1", "1e309", "0x1F", "true", "DEMO_REQUEST ", "demo_request", "a@b", "@acme.io", "x@y.z", "+49 (0) 30 ###",
      "2026-13-45T25:61:00Z", "\r\nX-Injected: 1", "DE ", "ZZ");

  private final ObjectMapper json;
  private final String run;
  private final Random random;
  /** How often each kind comes, in the order of {@link Kind}. */
  private static final int[] WEIGHTS = {20, 40, 10, 8, 14, 6, 2};

  HostilePayloads(ObjectMapper json, String run, long seed) {
    this.json = json;
    this.run = run;
    this.random = new Random(seed);
  }

  /** The next {@code count} payloads, each with a source/external id of its own. */
  List<Payload> next(int count, boolean includeOversized) {
    List<Payload> payloads = new ArrayList<>(count);
    while (payloads.size() < count) {
      Kind kind = kind();
      if (kind == Kind.OVERSIZED && !includeOversized) {
        continue;
      }
      payloads.add(payload(payloads.size(), kind));
    }
    return payloads;
  }

  private Payload payload(int i, Kind kind) {
    String externalId = "h-" + run + "-" + i;
    ObjectNode lead = valid(i, externalId);
    String key = SOURCE + ":" + externalId;
    String body;
    String contentType = "application/json";
    switch (kind) {
      case VALID -> body = write(lead);
      case HOSTILE_VALUE -> {
        String field = field();
        switch (shape()) {
          case 0, 1 -> lead.put(field, anyText());
          case 2 -> lead.put(field, NASTY.get(random.nextInt(NASTY.size())));
          case 3 -> lead.put(field, "x".repeat(1 + random.nextInt(100_000)));
          case 4 -> lead.put(field, random.nextLong());
          case 5 -> lead.put(field, new BigDecimal("1e" + (300 + random.nextInt(10_000))));
          case 6 -> lead.put(field, random.nextBoolean());
          case 7 -> lead.putNull(field);
          case 8 -> lead.putArray(field).add(anyText()).add(1);
          default -> lead.putObject(field).put("$gt", "");
        }
        body = write(lead);
      }
      case MISSING_FIELD -> {
        lead.remove(field());
        body = write(lead);
      }
      case UNKNOWN_FIELD -> {
        lead.put("x" + Integer.toHexString(random.nextInt()), anyText());
        body = write(lead);
      }
      case NOT_AN_OBJECT -> body = switch (shape()) {
        case 0 -> "";
        case 1 -> write(lead).substring(0, 1 + random.nextInt(write(lead).length() - 1));   // truncated
        case 2 -> "[" + write(lead) + "]";
        case 3 -> "null";
        case 4 -> "\"" + anyText().replace("\"", "") + "\"";
        case 5 -> "[".repeat(2_000 + random.nextInt(20_000));   // nesting deeper than any parser should follow
        case 6 -> write(lead).replaceFirst("\\{", "{\"intent\":\"NEWSLETTER\",");   // a duplicate key
        case 7 -> anyText();
        case 8 -> "{\"source\":\"" + SOURCE + "\",\"externalId\":\"" + externalId + "\",\"cost\":" + "9".repeat(5_000) + "}";
        default -> write(lead).replace("\"", "'");
      };
      case WRONG_MEDIA_TYPE -> {
        body = write(lead);
        contentType = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x").get(random.nextInt(4));
      }
      case OVERSIZED -> {
        lead.put("landingPage", "y".repeat(3 * 1024 * 1024));
        body = write(lead);
      }
      default -> throw new IllegalStateException();
    }
    return new Payload(i, kind, body, contentType, key, SOURCE, externalId);
  }

  private ObjectNode valid(int i, String externalId) {
    ObjectNode lead = json.createObjectNode();
    lead.put("source", SOURCE);
    lead.put("externalId", externalId);
    lead.put("intent", List.of("INQUIRY", "DEMO_REQUEST", "CONTENT_DOWNLOAD", "EVENT_SIGNUP", "NEWSLETTER").get(i % 5));
    lead.put("firstName", "Grace");
    lead.put("lastName", "Hopper-" + run + "-" + i);
    lead.put("email", "grace." + run + "." + i + "@hostile-input.io");
    lead.put("company", "Hostile Input Ltd");
    lead.put("companySize", 120);
    lead.put("country", "GB");
    lead.put("consent", true);
    return lead;
  }

  private Kind kind() {
    int pick = random.nextInt(100);
    for (int i = 0; i < WEIGHTS.length; i++) {
      pick -= WEIGHTS[i];
      if (pick < 0) {
        return Kind.values()[i];
      }
    }
    return Kind.VALID;
  }

  private String field() {
    return FIELDS.get(random.nextInt(FIELDS.size()));
  }

  private int shape() {
    return random.nextInt(10);
  }

  /**
   * Up to 300 characters of anything: printable ASCII, control characters, any UTF-16 unit (lone surrogates
   * included) and characters beyond the BMP (emoji).
   */
  private String anyText() {
    int length = random.nextInt(301);
    StringBuilder text = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(100);
      if (pick < 25) {
        text.append((char) (' ' + random.nextInt(95)));
      } else if (pick < 40) {
        text.append((char) random.nextInt(32));
      } else if (pick < 90) {
        text.append((char) random.nextInt(Character.MAX_VALUE + 1));
      } else {
        text.appendCodePoint(0x1F300 + random.nextInt(0x700));
      }
    }
    return text.toString();
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
