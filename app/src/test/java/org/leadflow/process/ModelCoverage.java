package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Our coverage gate: every flow node of the model under test (including those inside sub-processes,
 * boundary and intermediate events and gateways) must have been passed, and every sequence flow taken, by
 * at least one test of the class. A new element or gateway outcome without a test fails the build.
 * Sequence flows are not in the history; {@link TakenFlows} (registered in camunda.cfg.xml) records them.
 *
 * <p>Register it after the engine, so that it reads the history before the engine extension deletes
 * the test's deployment (and with it the history):
 *
 * <pre>{@code
 * @RegisterExtension @Order(1) static ProcessEngineExtension engine = ...;
 * @RegisterExtension @Order(2) static ModelCoverage coverage = ModelCoverage.of(engine, SdrQualification.KEY);
 * }</pre>
 *
 * "Passed" means a finished activity instance, as in BPM Assert's {@code hasPassed}: an element the
 * process only waits in at the end of a test does not count.
 */
public final class ModelCoverage implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

  private final ProcessEngineExtension engine;
  private final String processKey;
  private final Set<String> passed = new TreeSet<>();

  private ModelCoverage(ProcessEngineExtension engine, String processKey) {
    this.engine = engine;
    this.processKey = processKey;
  }

  static ModelCoverage of(ProcessEngineExtension engine, String processKey) {
    return new ModelCoverage(engine, processKey);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TakenFlows.drain(processKey);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    passed.addAll(TakenFlows.drain(processKey));
    HistoryService history = engine.getHistoryService();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).list()) {
      history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId()).finished().list()
          .stream().map(HistoricActivityInstance::getActivityId).forEach(passed::add);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    BpmnModelInstance model = modelOf(processKey);
    Set<String> missed = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> missed.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> missed.add(flow.getId()));
    missed.removeAll(passed);
    // the engine does not "take" the flows behind an event-based gateway: the triggered event shows it
    model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getSource() instanceof EventBasedGateway && passed.contains(flow.getTarget().getId()))
        .forEach(flow -> missed.remove(flow.getId()));
    assertThat(missed)
        .as("flow nodes and sequence flows of processes/%s.bpmn that no test of %s passed", processKey,
            context.getRequiredTestClass().getSimpleName())
        .isEmpty();
  }

  private static BpmnModelInstance modelOf(String processKey) {
    String resource = "processes/" + processKey + ".bpmn";
    try (InputStream stream = ModelCoverage.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(stream).as("%s on the test classpath", resource).isNotNull();
      return Bpmn.readModelFromStream(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parse listener of the test engine (camunda.cfg.xml, customPostBPMNParseListeners): records every
   * sequence flow an execution takes, per process key. Test-only use of the engine's parser SPI.
   */
  public static class TakenFlows extends AbstractBpmnParseListener {

    private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @Override
    public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
      String processKey = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
      String flowId = transition.getId();
      transition.addExecutionListener((ExecutionListener) execution ->
          TAKEN.computeIfAbsent(processKey, key -> ConcurrentHashMap.newKeySet()).add(flowId));
    }

    static Set<String> drain(String processKey) {
      Set<String> taken = TAKEN.remove(processKey);
      return taken == null ? Set.of() : taken;
    }
  }
}
