package org.leadflow.config;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start without an administrator from the environment
 * ({@code LEADFLOW_ADMIN_USER}, {@code LEADFLOW_ADMIN_PASSWORD}) or together with the demo profile.
 */
public class ProdProfileGuard implements EnvironmentPostProcessor {

  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var profiles = Arrays.asList(environment.getActiveProfiles());
    if (!profiles.contains("prod")) {
      return;
    }
    if (profiles.contains("demo")) {
      throw new IllegalStateException("The prod profile must not run with the demo profile (demo users)");
    }
    String user = environment.getProperty("LEADFLOW_ADMIN_USER");
    String password = environment.getProperty("LEADFLOW_ADMIN_PASSWORD");
    if (user == null || user.isBlank() || password == null || password.length() < MIN_PASSWORD_LENGTH
        || password.equals(user)) {
      throw new IllegalStateException("The prod profile needs LEADFLOW_ADMIN_USER and LEADFLOW_ADMIN_PASSWORD "
          + "(at least " + MIN_PASSWORD_LENGTH + " characters, not the user id) from the environment");
    }
  }
}
