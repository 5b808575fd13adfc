package org.leadflow.lead;

import java.math.BigDecimal;
import java.time.Instant;

/** Builds {@link Lead} records for unit tests: a plain valid web-form inquiry unless told otherwise. */
public final class TestLeads {

  public static final Instant CAPTURED_AT = Instant.parse("2025-03-01T09:30:00Z");

  private String id = "lead-1";
  private String source = "WEB_FORM";
  private String externalId;
  private String campaign;
  private String landingPage;
  private Intent intent = Intent.INQUIRY;
  private String firstName = "Ada";
  private String lastName = "Lovelace";
  private String email = "ada.lovelace@analytical.io";
  private String phone;
  private String company;
  private String title;
  private Integer companySize;
  private String industry;
  private String country;
  private String region;
  private String productInterest;
  private boolean consent = true;
  private Instant capturedAt = CAPTURED_AT;
  private LeadStage stage = LeadStage.CAPTURED;
  private String ownerId;
  private int fitScore;
  private int engagementScore;
  private int recycleCount;
  private String funnelPosition;
  private BigDecimal dealValue;
  private String closeReason;
  private Boolean newCustomer;
  private Instant stuckSince;

  private TestLeads() {}

  public static TestLeads lead(String id) {
    TestLeads lead = new TestLeads();
    lead.id = id;
    return lead;
  }

  public TestLeads source(String value) { source = value; return this; }
  public TestLeads externalId(String value) { externalId = value; return this; }
  public TestLeads campaign(String value) { campaign = value; return this; }
  public TestLeads landingPage(String value) { landingPage = value; return this; }
  public TestLeads intent(Intent value) { intent = value; return this; }
  public TestLeads firstName(String value) { firstName = value; return this; }
  public TestLeads lastName(String value) { lastName = value; return this; }
  public TestLeads email(String value) { email = value; return this; }
  public TestLeads phone(String value) { phone = value; return this; }
  public TestLeads company(String value) { company = value; return this; }
  public TestLeads title(String value) { title = value; return this; }
  public TestLeads companySize(Integer value) { companySize = value; return this; }
  public TestLeads industry(String value) { industry = value; return this; }
  public TestLeads country(String value) { country = value; return this; }
  public TestLeads region(String value) { region = value; return this; }
  public TestLeads productInterest(String value) { productInterest = value; return this; }
  public TestLeads consent(boolean value) { consent = value; return this; }
  public TestLeads capturedAt(Instant value) { capturedAt = value; return this; }
  public TestLeads stage(LeadStage value) { stage = value; return this; }
  public TestLeads ownerId(String value) { ownerId = value; return this; }
  public TestLeads scores(int fit, int engagement) { fitScore = fit; engagementScore = engagement; return this; }
  public TestLeads recycleCount(int value) { recycleCount = value; return this; }
  public TestLeads funnelPosition(String value) { funnelPosition = value; return this; }
  public TestLeads dealValue(BigDecimal value) { dealValue = value; return this; }
  public TestLeads stuckSince(Instant value) { stuckSince = value; return this; }
  public TestLeads closeReason(String value) { closeReason = value; return this; }
  public TestLeads newCustomer(Boolean value) { newCustomer = value; return this; }

  public Lead build() {
    return new Lead(id, source, externalId, campaign, landingPage, intent, firstName, lastName, email, phone, company,
        title, companySize, industry, country, region, productInterest, consent, capturedAt, null, stage,
        capturedAt, ownerId, fitScore, engagementScore, null, null, null, recycleCount, funnelPosition,
        dealValue, closeReason, newCustomer, stuckSince, capturedAt, null, null);
  }
}
