package org.leadflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot run on our machines (no Docker engine), so it is kept consistent by reading it:
 * the app service gets every variable its profiles require, and MySQL runs as Camunda needs it.
 */
class DockerComposeTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

  @SuppressWarnings("unchecked")
  private final Map<String, Object> compose = load();

  @Test
  @SuppressWarnings("unchecked")
  void twoIdenticalAppNodesOnTheirOwnPortsTheSecondAfterTheFirstIsReady() {
    Map<String, Object> first = service("app-1");
    Map<String, Object> second = service("app-2");

    assertThat(second.get("environment")).isEqualTo(first.get("environment"));
    assertThat(second.get("image")).isEqualTo(first.get("image"));
    assertThat((List<String>) first.get("ports")).containsExactly("127.0.0.1:8080:8080");
    assertThat((List<String>) second.get("ports")).containsExactly("127.0.0.1:8081:8080");
    assertThat((Map<String, Map<String, String>>) second.get("depends_on"))
        .containsEntry("app-1", Map.of("condition", "service_healthy"));
    assertThat(String.valueOf(((Map<String, Object>) first.get("healthcheck")).get("test")))
        .contains("/actuator/health/readiness");
    assertThat(((Map<String, String>) first.get("environment")).get("LEAD_KAFKA_PARTITIONS")).isNotNull();
  }

  @Test
  void appServiceGetsEveryVariableItsProfilesRequire() throws IOException {
    Map<String, Object> app = service("app-1");
    Map<String, String> environment = (Map<String, String>) app.get("environment");
    String profiles = environment.get("SPRING_PROFILES_ACTIVE");

    assertThat(profiles.split(",")).containsExactlyInAnyOrder("mysql", "prod");
    for (String profile : profiles.split(",")) {
      String yaml = Files.readString(ROOT.resolve("app/src/main/resources/application-" + profile + ".yaml"));
      Matcher required = REQUIRED_VARIABLE.matcher(yaml);
      while (required.find()) {
        assertThat(environment).as("variable %s of profile %s", required.group(1), profile)
            .containsKey(required.group(1));
      }
    }
    assertThat(environment.get("DB_URL")).startsWith("jdbc:mysql://mysql:3306/").contains("sendFractionalSeconds=false");
    assertThat((List<String>) app.get("ports")).allMatch(port -> port.startsWith("127.0.0.1:"));
  }

  @Test
  void mysqlRunsWithReadCommittedAsCamundaRequires() {
    Map<String, Object> mysql = service("mysql");

    assertThat((String) mysql.get("image")).startsWith("mysql:8");
    assertThat((List<String>) mysql.get("command")).contains("--transaction-isolation=READ-COMMITTED");
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaRunsInKraftModeAndTheAppUsesIt() {
    Map<String, Object> kafka = service("kafka");
    Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
    Map<String, String> app = (Map<String, String>) service("app-1").get("environment");

    assertThat((String) kafka.get("image")).startsWith("apache/kafka:3.9");
    assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");
    assertThat(app.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
    assertThat((Map<String, Object>) service("app-1").get("depends_on")).containsKeys("mysql", "kafka");
  }

  @Test
  void imageBuildMakesTheModelerBundleWithNodesImageNotInTheMavenStage() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

    assertThat(dockerfile).contains("FROM node:20").contains("COPY app/src/main/modeler/ ./")
        .contains("COPY --from=modeler /bundle/ app/src/main/resources/static/modeler/")
        .contains("-Dmodeler.skip=true");
  }

  @Test
  void imageBuildCopiesEveryFolderTheAppModuleReads() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    String appPom = Files.readString(ROOT.resolve("app/pom.xml"));
    Matcher folders = Pattern.compile("\\$\\{project\\.basedir}/\\.\\./([a-z]+)").matcher(appPom);
    while (folders.find()) {
      assertThat(dockerfile).as("Dockerfile copies %s/", folders.group(1)).contains("COPY " + folders.group(1) + "/");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> service(String name) {
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  private static Map<String, Object> load() {
    try {
      return new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
