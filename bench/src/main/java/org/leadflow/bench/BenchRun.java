package org.leadflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leadflow.bench.timers.Database;

/** What every benchmark's main does alike: its options, its own database, the repository and its results. */
public final class BenchRun {

  private BenchRun() {
  }

  /** {@code --name value} pairs over the defaults, in the defaults' order; an unknown name is refused. */
  public static Map<String, String> options(Map<String, String> defaults, String[] args) {
    Map<String, String> options = new LinkedHashMap<>(defaults);
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length || !options.containsKey(args[i].substring(2))) {
        throw new IllegalArgumentException("usage: --" + String.join(" V --", options.keySet()) + " V; got "
            + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /**
   * The server and credentials of the environment with the database {@code name}, never the CI's. The engine's
   * "is the schema there?" looks ACT_GE_PROPERTY up by JDBC metadata; without {@code nullDatabaseMeansCurrent}
   * Connector/J finds the tables of another database on the same server and the engine skips creating its own
   * (the app sets it itself; the benchmarks' own engines need it in the URL).
   */
  public static Database ownDatabase(String name) throws IOException {
    if (name.equals("leadflow_ci")) {
      throw new IllegalArgumentException("leadflow_ci is the CI's database; pass --database of your own");
    }
    Database named = Database.fromEnvironment().withDatabaseName(name);
    return new Database(named.url() + (named.url().contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true",
        named.user(), named.password());
  }

  /** The repository root (the bench pom passes it as {@code leadflow.repo}). */
  public static Path repo() {
    return Path.of(System.getProperty("leadflow.repo", ".")).toAbsolutePath().normalize();
  }

  /** Writes {@code bench/results/<kind>-<UTC stamp>.json} and {@code latest-<kind>.json}; returns the first. */
  public static Path writeResults(String kind, Map<String, Object> report) throws IOException {
    Path results = repo().resolve("bench/results");
    Files.createDirectories(results);
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path file = results.resolve(kind + "-" + stamp + ".json");
    json.writeValue(file.toFile(), report);
    json.writeValue(results.resolve("latest-" + kind + ".json").toFile(), report);
    System.out.println("\nwritten: " + file);
    return file;
  }
}
