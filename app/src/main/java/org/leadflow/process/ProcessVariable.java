package org.leadflow.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** A typed process variable: one name, one type, declared once in {@link LeadVariables}. */
public record ProcessVariable<T>(String name, Class<T> type) {

  public T get(VariableScope scope) {
    return find(scope)
        .orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is missing"));
  }

  public Optional<T> find(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalStateException(
          "Process variable '" + name + "' is a " + value.getClass().getSimpleName()
              + ", expected " + type.getSimpleName());
    }
    return Optional.ofNullable(type.cast(value));
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    return find(scope).orElse(fallback);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public VariableMap with(T value) {
    return Variables.createVariables().putValue(name, value);
  }
}
