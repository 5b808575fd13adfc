package org.leadflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.rules.InvalidRuleException;
import org.leadflow.rules.RuleValidator;
import org.leadflow.sla.NurturePolicy;
import org.leadflow.sla.OpportunityPolicy;
import org.leadflow.sla.RecyclePolicy;
import org.leadflow.sla.SdrPolicy;
import org.leadflow.sla.SlaPolicy;
import org.mockito.Answers;
import org.springframework.context.ApplicationContext;

/** The modeler's validation beyond the conventions: references, the engine's verdict, DMN and forms. */
class ModelValidatorTest {

  private final EngineParse engine = mock(EngineParse.class);
  private final RuleValidator rules = mock(RuleValidator.class);
  private final RepositoryService repository = mock(RepositoryService.class, Answers.RETURNS_DEEP_STUBS);
  private final ApplicationContext beans = mock(ApplicationContext.class);
  private final ModelValidator validator = new ModelValidator(engine, rules, repository, beans, new ObjectMapper());
  private ModelSet set;

  @BeforeEach
  void aModelSetWithTheShippedModelsAndBeans() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String process : List.of("lead-lifecycle", "lead-nurture", "sdr-qualification", "sales-follow-up",
        "opportunity")) {
      resources.put("processes/" + process + ".bpmn", bytes(ModelConventionsTest.shipped("processes/" + process + ".bpmn")));
    }
    resources.put("forms/marketing-review-win-loss.form", bytes("{}"));
    set = new ModelSet(resources);
    when(beans.containsBean(anyString())).thenReturn(true);
    Map<String, Class<?>> policies = Map.of("slaPolicy", SlaPolicy.class, "recyclePolicy", RecyclePolicy.class,
        "sdrPolicy", SdrPolicy.class, "nurturePolicy", NurturePolicy.class, "opportunityPolicy", OpportunityPolicy.class);
    policies.forEach((name, type) -> doReturn(type).when(beans).getType(name));
    when(engine.problems(anyString(), any())).thenReturn(List.of());
  }

  @Test
  void theShippedLifecycleIsValid() throws IOException {
    ModelValidator.Validation validation = bpmn(lifecycle());

    assertThat(validation.problems()).isEmpty();
    assertThat(validation.valid()).isTrue();
  }

  @Test
  void aFormThatIsNotInTheModelSetIsNamedAtItsTask() throws IOException {
    String edited = lifecycle().replace("camunda:formRef=\"marketing-review-win-loss\"", "camunda:formRef=\"win-loss\"");

    assertThat(rules(bpmn(edited))).containsExactly("Task_ReviewWinLoss form-exists");
  }

  @Test
  void aCalledProcessThatIsNotInTheModelSetIsNamed() throws IOException {
    String edited = lifecycle().replace("calledElement=\"opportunity\"", "calledElement=\"deal\"");

    assertThat(rules(bpmn(edited))).containsExactly("CallActivity_WorkOpportunity called-element-exists");
  }

  @Test
  void missingDelegateAndPolicyBeansAreNamed() throws IOException {
    when(beans.containsBean("scoreLeadDelegate")).thenReturn(false);
    when(beans.containsBean("recyclePolicy")).thenReturn(false);

    assertThat(rules(bpmn(lifecycle()))).containsExactly("Task_ScoreLead bean-exists",
        "Flow_RecycleAllowedYes policy-bean-exists");
  }

  @Test
  void aPolicyMethodTheBeanDoesNotHaveWithThatManyArgumentsIsNamed() throws IOException {
    String typo = lifecycle().replace("${slaPolicy.winLossReviewDue(leadId)}", "${slaPolicy.winLossReviewDu(leadId)}");
    String arity = lifecycle().replace("${recyclePolicy.allows(recycleCount)}", "${recyclePolicy.allows()}");
    String objectMethod = lifecycle().replace("${recyclePolicy.allows(recycleCount)}", "${recyclePolicy.getClass()}");

    assertThat(rules(bpmn(typo))).containsExactly("Task_ReviewWinLoss reference");
    assertThat(bpmn(typo).problems().get(0).message()).contains("winLossReviewDu");
    assertThat(rules(bpmn(arity))).containsExactly("Flow_RecycleAllowedYes reference");
    assertThat(rules(bpmn(objectMethod))).containsExactly("Flow_RecycleAllowedYes reference");
  }

  @Test
  void aModelWithARefusedExpressionNeverReachesTheEnginesParse() throws IOException {
    String grant = lifecycle().replace("${slaPolicy.winLossReviewDue(leadId)}",
        "${slaPolicy.winLossReviewDue(identityService.createMembership('paul', 'camunda-admin'))}");

    assertThat(rules(bpmn(grant))).contains("Task_ReviewWinLoss expression");
    verify(engine, never()).problems(anyString(), any());
  }

  @Test
  void aPolicyNamedBeanThatIsNotTheApplicationsIsRefused() throws IOException {
    doReturn(String.class).when(beans).getType("recyclePolicy");

    assertThat(rules(bpmn(lifecycle()))).containsExactly("Flow_RecycleAllowedYes reference");
  }

  @Test
  void theEnginesErrorsMakeTheModelInvalidAndItsWarningsDoNot() throws IOException {
    when(engine.problems(anyString(), any())).thenReturn(List.of(
        ModelProblem.warning("Task_ScoreLead", "engine", "odd"),
        ModelProblem.error("Gateway_SalesReady", "engine", "Unknown property used in expression")));

    ModelValidator.Validation validation = bpmn(lifecycle());

    assertThat(validation.valid()).isFalse();
    assertThat(rules(validation)).containsExactly("Task_ScoreLead engine", "Gateway_SalesReady engine");
  }

  @Test
  void anUnreadableFileIsOneProblemOfTheWholeFile() {
    ModelValidator.Validation validation = validator.validate(ModelType.BPMN, "lead-lifecycle", bytes("<definitions"),
        set);

    assertThat(rules(validation)).containsExactly("null parse");
    assertThat(validation.valid()).isFalse();
  }

  @Test
  void aDecisionTableTheRulesValidatorRejectsNamesTheRulesItReports() {
    doThrow(new InvalidRuleException("sla-policy", "decision",
        "UNIQUE hit policy: These rules match together: Rule_AcceptDefault, Rule_AcceptEmea."))
        .when(rules).validate(any(), any());

    ModelValidator.Validation validation = validator.validate(ModelType.DMN, "sla-policy", bytes("<x/>"), null);

    assertThat(rules(validation)).containsExactly("Rule_AcceptDefault dmn-decision");
    assertThat(validation.valid()).isFalse();
  }

  @Test
  void aFormThatIsNotJsonIsAParseProblem() {
    ModelValidator.Validation validation = validator.validate(ModelType.FORM, "sdr-qualify-lead", bytes("{\"id\":"),
        set);

    assertThat(rules(validation)).containsExactly("null parse");
  }

  private ModelValidator.Validation bpmn(String xml) {
    return validator.validate(ModelType.BPMN, "lead-lifecycle", bytes(xml), set.with(ModelType.BPMN, "lead-lifecycle",
        bytes(xml)));
  }

  private static List<String> rules(ModelValidator.Validation validation) {
    return validation.problems().stream().map(problem -> problem.elementId() + " " + problem.rule()).toList();
  }

  private static String lifecycle() throws IOException {
    return ModelConventionsTest.shipped("processes/lead-lifecycle.bpmn");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
