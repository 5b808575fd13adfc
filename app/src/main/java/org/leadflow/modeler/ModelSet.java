package org.leadflow.modeler;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The BPMN and form resources deployed together (see {@link ModelService}): resource name → content.
 * Models are found by type and key (the resource's file name), whatever directory the resource name has.
 */
public final class ModelSet {

  private final Map<String, byte[]> resources;

  public ModelSet(Map<String, byte[]> resources) {
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  public Map<String, byte[]> resources() {
    return resources;
  }

  /** The keys of this type in the set, sorted. */
  public Set<String> keys(ModelType type) {
    Set<String> keys = new TreeSet<>();
    resources.keySet().stream().filter(name -> type == ModelType.ofResource(name)).map(ModelType::keyOf)
        .forEach(keys::add);
    return keys;
  }

  /** The resource name holding this model, if the set has it. */
  public Optional<String> resourceName(ModelType type, String key) {
    return resources.keySet().stream()
        .filter(name -> type == ModelType.ofResource(name) && ModelType.keyOf(name).equals(key)).findFirst();
  }

  public Optional<byte[]> content(ModelType type, String key) {
    return resourceName(type, key).map(resources::get);
  }

  /**
   * This set with the model replaced, or added as {@code <directory of a sibling>/<key><suffix>} when the set
   * does not have it yet.
   */
  public ModelSet with(ModelType type, String key, byte[] content) {
    Map<String, byte[]> changed = new LinkedHashMap<>(resources);
    String name = resourceName(type, key).orElseGet(() -> newResourceName(type, key));
    changed.put(name, content);
    return new ModelSet(changed);
  }

  /** This set without the model (unchanged when it does not have it). */
  public ModelSet without(ModelType type, String key) {
    Map<String, byte[]> changed = new LinkedHashMap<>(resources);
    resourceName(type, key).ifPresent(changed::remove);
    return new ModelSet(changed);
  }

  /** True when the model's content in this set equals {@code content}. */
  public boolean holds(ModelType type, String key, byte[] content) {
    return content(type, key).map(existing -> Arrays.equals(existing, content)).orElse(false);
  }

  private String newResourceName(ModelType type, String key) {
    String sibling = resources.keySet().stream().filter(name -> type == ModelType.ofResource(name)).findFirst()
        .orElse(null);
    String directory = type == ModelType.FORM ? "forms/" : "processes/";
    if (sibling != null) {
      int slash = Math.max(sibling.lastIndexOf('/'), sibling.lastIndexOf('\\'));
      directory = slash < 0 ? "" : sibling.substring(0, slash + 1);
    }
    return directory + key + type.suffix();
  }
}
