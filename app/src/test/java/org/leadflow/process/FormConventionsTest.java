package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Camunda Forms conventions of STYLE §9: forms/&lt;id&gt;.form, referenced by id, keys are process variables. */
class FormConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFormReferencedByAModelExists() throws IOException, URISyntaxException {
    SoftAssertions softly = new SoftAssertions();
    for (Path model : files("processes", ".bpmn")) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef != null) {
          softly.assertThat(FormConventionsTest.class.getClassLoader().getResource("forms/" + formRef + ".form"))
              .as("forms/%s.form of %s in %s", formRef, task.getId(), model.getFileName()).isNotNull();
        }
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void theFormsIdIsItsFileName(Path form) throws IOException {
    assertThat(JSON.readTree(form.toFile()).path("id").asText())
        .isEqualTo(form.getFileName().toString().replaceFirst("\\.form$", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void everyFieldKeyIsAProcessVariableDeclaredInLeadVariables(Path form) throws IOException {
    Set<String> declared = declaredVariables();
    List<String> keys = new ArrayList<>();
    collectKeys(JSON.readTree(form.toFile()).path("components"), keys);

    assertThat(keys).as("field keys of %s", form.getFileName()).isNotEmpty();
    assertThat(keys.stream().filter(key -> !declared.contains(key)))
        .as("field keys of %s that LeadVariables does not declare", form.getFileName()).isEmpty();
  }

  static Stream<Path> forms() throws IOException, URISyntaxException {
    return files("forms", ".form").stream();
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private static Set<String> declaredVariables() {
    return Arrays.stream(LeadVariables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class)
        .map(FormConventionsTest::variableName)
        .collect(Collectors.toSet());
  }

  private static String variableName(Field field) {
    try {
      return ((ProcessVariable<?>) field.get(null)).name();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(String directory, String suffix) throws IOException, URISyntaxException {
    URL url = FormConventionsTest.class.getClassLoader().getResource(directory);
    assertThat(url).as("%s/ on the test classpath", directory).isNotNull();
    try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
      List<Path> files = listing.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
      assertThat(files).as("%s files in %s", suffix, url).isNotEmpty();
      return files;
    }
  }
}
