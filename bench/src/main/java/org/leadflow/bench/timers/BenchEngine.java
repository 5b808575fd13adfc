package org.leadflow.bench.timers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The engine embedded as the app embeds it: Camunda's Spring Boot starter, configured only by properties
 * (those of the variant), with the bench's SLA model and the recorder as a bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchEngine {

  static final String PROCESS_KEY = "bench-sla-timer";

  @Bean
  FiringRecorder recordFiring() {
    return new FiringRecorder();
  }

  static ConfigurableApplicationContext start(Database database, Map<String, Object> variantProperties) {
    Map<String, Object> properties = new LinkedHashMap<>(variantProperties);
    // the engine's "is the schema there?" must not find another database's ACT_GE_PROPERTY (BenchRun.ownDatabase)
    String url = database.url();
    if (database.isMySql() && !url.contains("nullDatabaseMeansCurrent=")) {
      url += (url.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true";
    }
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("spring.flyway.enabled", "false");   // the bench applies db/engine itself, after the engine
    properties.put("spring.main.banner-mode", "off");
    properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
    return new SpringApplicationBuilder(BenchEngine.class).web(WebApplicationType.NONE).properties(properties)
        .logStartupInfo(false).run();
  }

  /**
   * An SLA as the lead models have it: a user task for a role with an interrupting boundary timer whose
   * due date the policy computed (here a variable), the breach handled by the next step.
   */
  static void deploySlaModel(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Bench SLA timer")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_LeadAssigned")
        .userTask("Task_AcceptLead").name("Accept lead").camundaCandidateGroups("sales")
        .endEvent("EndEvent_LeadAccepted")
        .moveToActivity("Task_AcceptLead")
        .boundaryEvent("BoundaryEvent_AcceptSlaBreached").timerWithDate("${" + FiringRecorder.DUE_VARIABLE + "}")
        .serviceTask("Task_RecordBreach").camundaDelegateExpression("${recordFiring}")
        .endEvent("EndEvent_SlaBreached")
        .done();
    engine.getRepositoryService().createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model)
        .deploy();
  }
}
