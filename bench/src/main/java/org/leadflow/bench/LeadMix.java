package org.leadflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The realistic lead mix the load generators send to {@code leads.captured} and {@code leads.engagement}:
 * five channels, intents of which one in eight is a {@code DEMO_REQUEST} hand-raiser, one in twenty without
 * consent (invalid), titles, company sizes and countries for the fit score, engagement events for known
 * and anonymous contacts, and malformed records. Every run has its own source names
 * ({@code <channel>-<run>}) and external ids, so runs never collide in one database.
 */
public final class LeadMix {

  static final String[] CHANNELS = {"web-form", "ads", "webinar", "event", "referral"};
  private static final String[] INTENTS = {"INQUIRY", "INQUIRY", "INQUIRY", "CONTENT_DOWNLOAD", "CONTENT_DOWNLOAD",
      "EVENT_SIGNUP", "NEWSLETTER", "DEMO_REQUEST"};
  private static final String[] ENGAGEMENTS = {"PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "EMAIL_OPEN", "EMAIL_OPEN",
      "EMAIL_CLICK", "CONTENT_DOWNLOAD", "FORM_SUBMIT", "WEBINAR_ATTENDED", "CHAT", "PRICING_PAGE_VIEW"};
  private static final String[] TITLES = {"CTO", "Head of Data", "Marketing Manager", "Analyst", "VP Sales",
      "Intern", "Founder", "Engineer"};
  private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "RO", "CN", "NL"};
  private static final String[] POISON = {"{ not json", "{\"source\":\"web-form\"}",
      "{\"source\":\"web-form\",\"externalId\":\"p\",\"intent\":\"SHOUT\",\"consent\":true,\"email\":\"a@b.io\"}",
      "{\"source\":\"web-form\",\"externalId\":\"p\",\"intent\":\"INQUIRY\",\"consent\":\"yes\"}", ""};

  /** The intent of the hand-raisers, whose way to an SDR is measured. */
  public static final String HAND_RAISER_INTENT = "DEMO_REQUEST";

  private final ObjectMapper json = new ObjectMapper();
  private final Random random;
  private final String run;

  public LeadMix(Random random, String run) {
    this.random = random;
    this.run = run;
  }

  public String run() {
    return run;
  }

  /** The source names of this run's leads, one per channel. */
  public List<String> sources() {
    return Arrays.stream(CHANNELS).map(channel -> channel + "-" + run).toList();
  }

  /** Lead number {@code i} of this run: a new contact (own e-mail), one of the channels and intents. */
  public ObjectNode lead(int i) {
    String channel = CHANNELS[random.nextInt(CHANNELS.length)];
    String first = "Lee" + i;
    String company = "Company " + random.nextInt(400);
    return json.createObjectNode()
        .put("source", channel + "-" + run)
        .put("externalId", run + "-" + i)
        .put("intent", INTENTS[random.nextInt(INTENTS.length)])
        .put("campaign", "demo-" + (1 + random.nextInt(4)))
        .put("landingPage", "/landing/" + channel)
        .put("firstName", first)
        .put("lastName", "Demo")
        .put("email", first.toLowerCase() + "." + run + "@" + company.toLowerCase().replace(' ', '-') + ".io")
        .put("company", company)
        .put("title", TITLES[random.nextInt(TITLES.length)])
        .put("companySize", 5 + random.nextInt(2000))
        .put("country", COUNTRIES[random.nextInt(COUNTRIES.length)])
        .put("consent", random.nextInt(20) != 0);
  }

  /** The record key the app expects for a lead: {@code source:externalId}. */
  public static String key(ObjectNode lead) {
    return lead.path("source").asText() + ":" + lead.path("externalId").asText();
  }

  /**
   * Engagement event {@code i}: for {@code knownEmail}, or (one in ten, or when there is none) for an
   * anonymous visitor the app does not know yet.
   */
  public ObjectNode engagement(int i, String knownEmail) {
    boolean anonymous = knownEmail == null || random.nextInt(10) == 0;
    String email = anonymous ? "visitor." + run + "." + i + "@prospect-" + random.nextInt(50) + ".io" : knownEmail;
    return json.createObjectNode()
        .put("eventId", "demo-" + run + "-" + i)
        .put("type", ENGAGEMENTS[random.nextInt(ENGAGEMENTS.length)])
        .put("email", email)
        .put("occurredAt", Instant.now().toString())
        .put("source", "marketing-automation")
        .put("detail", "/pricing?utm_campaign=demo-" + run);
  }

  /** Malformed record {@code i}: each kind must end in {@code leads.captured.DLT}. */
  public static String poison(int i) {
    return POISON[i % POISON.length];
  }

  public String toJson(ObjectNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
