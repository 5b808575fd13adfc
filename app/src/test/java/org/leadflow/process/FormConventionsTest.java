package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.modeler.ModelConventions;

/**
 * The Camunda Forms conventions of STYLE §9 ({@link ModelConventions#form}, which the modeler's
 * validation also runs): forms/&lt;id&gt;.form, referenced by id, keys are process variables.
 */
class FormConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFormReferencedByAModelExists() throws IOException, URISyntaxException {
    SoftAssertions softly = new SoftAssertions();
    for (Path model : files("processes", ".bpmn")) {
      ModelConventions.references(Bpmn.readModelFromFile(model.toFile())).forms().forEach((formRef, taskId) ->
          softly.assertThat(FormConventionsTest.class.getClassLoader().getResource("forms/" + formRef + ".form"))
              .as("forms/%s.form of %s in %s", formRef, taskId, model.getFileName()).isNotNull());
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void theFormFollowsTheConventions(Path form) throws IOException {
    assertThat(ModelConventions.form(keyOf(form), JSON.readTree(form.toFile())))
        .as("problems in %s", form.getFileName()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void everyFieldKeyIsAProcessVariableDeclaredInLeadVariables(Path form) throws IOException {
    List<String> keys = ModelConventions.formKeys(JSON.readTree(form.toFile()));

    assertThat(keys).as("field keys of %s", form.getFileName()).isNotEmpty();
    assertThat(keys).as("field keys of %s that LeadVariables does not declare", form.getFileName())
        .isSubsetOf(ModelConventions.declaredVariables());
  }

  static Stream<Path> forms() throws IOException, URISyntaxException {
    return files("forms", ".form").stream();
  }

  private static String keyOf(Path form) {
    return form.getFileName().toString().replaceFirst("\\.form$", "");
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
