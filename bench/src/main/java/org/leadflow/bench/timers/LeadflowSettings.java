package org.leadflow.bench.timers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The engine settings the app ships, read from its own configuration files (application.yaml, then the
 * mysql profile's), never copied: the engine part ({@code camunda.bpm.*}) and the connection pool.
 */
public final class LeadflowSettings {

  static final String JOB_EXECUTION = "camunda.bpm.job-execution.";
  static final String ACQUIRE_BY_DUE_DATE = "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date";
  private static final List<String> KEPT = List.of("camunda.bpm.", "spring.datasource.hikari.");
  private static final List<String> DROPPED = List.of("camunda.bpm.deployment-resource-pattern",
      "camunda.bpm.webapp.", "camunda.bpm.admin-user.");

  private final Map<String, Object> all = new LinkedHashMap<>();
  public final Path migrations;
  private final Path connectorJSource;

  public LeadflowSettings(Path repo) throws IOException {
    Path resources = repo.resolve("app/src/main/resources");
    for (String file : List.of("application.yaml", "application-mysql.yaml")) {
      Path path = resources.resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new IOException("the app's configuration is not at " + path + " (pass -Dleadflow.repo=<repository root>)");
      }
      for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new FileSystemResource(path))) {
        EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
        for (String name : properties.getPropertyNames()) {
          if (KEPT.stream().anyMatch(name::startsWith) && DROPPED.stream().noneMatch(name::startsWith)) {
            all.put(name, String.valueOf(properties.getProperty(name)));
          }
        }
      }
    }
    connectorJSource = repo.resolve("app/src/main/java/org/leadflow/config/MySqlConnectionDefaults.java");
    migrations = repo.resolve("db/engine");
    if (!Files.isDirectory(migrations)) {
      throw new IOException("the engine-table migrations are not at " + migrations);
    }
  }

  /** The properties of this variant: the app's, without the levers the variant does not pull. */
  Map<String, Object> propertiesFor(Variant variant) {
    Map<String, Object> properties = new LinkedHashMap<>();
    all.forEach((name, value) -> {
      boolean jobExecution = name.startsWith(JOB_EXECUTION);
      boolean dueDate = name.equals(ACQUIRE_BY_DUE_DATE);
      boolean otherJobExecutorProperty = name.startsWith("camunda.bpm.generic-properties.properties.job-executor-")
          && !dueDate;
      if ((jobExecution || otherJobExecutorProperty) && !variant.jobExecutorSettings
          || dueDate && !variant.acquisitionByDueDate) {
        return;
      }
      properties.put(name, value);
    });
    return properties;
  }

  /** Everything the app ships ({@code camunda.bpm.*}, the pool): the leadflow variant. */
  public Map<String, Object> shipped() {
    return propertiesFor(Variant.LEADFLOW);
  }

  /**
   * The Connector/J settings the app gives every MySQL/MariaDB pool, read from the map {@code DEFAULTS} of
   * its {@code MySqlConnectionDefaults} (a bean post-processor, not configuration), never copied.
   */
  public Map<String, String> connectorJDefaults() throws IOException {
    String source = Files.readString(connectorJSource);
    Matcher map = Pattern.compile("DEFAULTS\\s*=\\s*Map\\.of\\(([^;]*)\\);").matcher(source);
    if (!map.find()) {
      throw new IOException("no DEFAULTS = Map.of(...) in " + connectorJSource);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("\"([^\"]+)\"\\s*,\\s*\"([^\"]*)\"").matcher(map.group(1));
    while (pair.find()) {
      defaults.put(pair.group(1), pair.group(2));
    }
    if (defaults.isEmpty()) {
      throw new IOException("DEFAULTS of " + connectorJSource + " names no setting");
    }
    return defaults;
  }

  /** What the app sets for the job executor (shown in the report). */
  public Map<String, Object> jobExecutorSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    all.forEach((name, value) -> {
      if (name.startsWith(JOB_EXECUTION) || name.startsWith("camunda.bpm.generic-properties.properties.job-executor-")
          || name.startsWith("spring.datasource.hikari.maximum-pool-size")) {
        settings.put(name, value);
      }
    });
    return settings;
  }
}
