package org.leadflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage gate of a decision-table test class: every rule row of every {@code .dmn} the class
 * deploys ({@code @Deployment} on the class) must match in at least one of its tests. Register it
 * static after the engine; pass every {@link RuleDecision} through {@link #record}.
 */
public final class RuleCoverage implements BeforeAllCallback, AfterAllCallback {

  private final Set<String> matched = new TreeSet<>();

  public RuleDecision record(RuleDecision decision) {
    decision.matches().forEach(match -> matched.add(decision.decisionKey() + "/" + match.ruleId()));
    return decision;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    matched.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Deployment deployment = context.getRequiredTestClass().getAnnotation(Deployment.class);
    assertThat(deployment).as("@Deployment of %s", context.getDisplayName()).isNotNull();
    Set<String> rules = new TreeSet<>();
    Arrays.stream(deployment.resources()).filter(resource -> resource.endsWith(".dmn"))
        .forEach(resource -> rules.addAll(rules(resource)));
    assertThat(matched).as("rules matched by the tests of %s", context.getDisplayName())
        .containsExactlyInAnyOrderElementsOf(rules);
  }

  /** {@code decision-id/Rule_Id} of every rule in a DMN file on the classpath. */
  static Set<String> rules(String resource) {
    try (InputStream xml = RuleCoverage.class.getClassLoader().getResourceAsStream(resource)) {
      Set<String> rules = new TreeSet<>();
      for (Rule rule : Dmn.readModelFromStream(xml).getModelElementsByType(Rule.class)) {
        rules.add(((org.camunda.bpm.model.dmn.instance.Decision) rule.getParentElement().getParentElement()).getId()
            + "/" + rule.getId());
      }
      return rules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
