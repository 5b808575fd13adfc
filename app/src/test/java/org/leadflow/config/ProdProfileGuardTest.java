package org.leadflow.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProdProfileGuardTest {

  private final ProdProfileGuard guard = new ProdProfileGuard();

  @Test
  void prodRefusesToStartWithoutAnAdminFromTheEnvironment() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("mysql", "prod");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("LEADFLOW_ADMIN_PASSWORD");
  }

  @Test
  void prodRefusesAWeakPasswordAndTheDemoProfile() {
    MockEnvironment weak = new MockEnvironment().withProperty("LEADFLOW_ADMIN_USER", "ops")
        .withProperty("LEADFLOW_ADMIN_PASSWORD", "ops");
    weak.setActiveProfiles("prod");
    assertThatThrownBy(() -> guard.postProcessEnvironment(weak, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class);

    MockEnvironment withDemo = new MockEnvironment().withProperty("LEADFLOW_ADMIN_USER", "ops")
        .withProperty("LEADFLOW_ADMIN_PASSWORD", "a-long-secret-from-vault");
    withDemo.setActiveProfiles("prod", "demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(withDemo, new SpringApplication()))
        .hasMessageContaining("demo");
  }

  @Test
  void prodStartsWithAStrongAdminPasswordAndOtherProfilesAreUntouched() {
    MockEnvironment prod = new MockEnvironment().withProperty("LEADFLOW_ADMIN_USER", "ops")
        .withProperty("LEADFLOW_ADMIN_PASSWORD", "a-long-secret-from-vault");
    prod.setActiveProfiles("mysql", "prod");
    assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();

    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }
}
