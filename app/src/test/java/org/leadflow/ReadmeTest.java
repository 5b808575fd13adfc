package org.leadflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;

/** The README is part of the change: its element table and pictures must cover every model. */
class ReadmeTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void readmeStartsWithTheRunAndTestCommands() throws IOException {
    List<String> commands = Files.readAllLines(ROOT.resolve("README.md")).stream()
        .filter(line -> line.startsWith("./mvnw")).limit(2).toList();
    assertThat(commands).containsExactly("./mvnw -pl app -am spring-boot:run", "./mvnw verify");
  }

  @Test
  void everyTaskTimerAndCallOfEveryModelIsInTheElementTable() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String key = file.getFileName().toString().replace(".bpmn", "");
        assertThat(readme).as("picture of %s", key).contains("docs/models/" + key + ".svg");
        assertThat(ROOT.resolve("docs/models/" + key + ".svg")).exists();
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
          boolean documented = node instanceof Activity && !node.getElementType().getTypeName().equals("subProcess")
              || node instanceof CatchEvent && !(node instanceof StartEvent);
          if (documented) {
            assertThat(readme).as("README row for %s in %s (python3 tools/models/element-table.py)", node.getId(), key)
                .contains("| " + key + " | `" + node.getId() + "`");
          }
        }
      }
    }
  }
}
