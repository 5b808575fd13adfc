package org.leadflow.bench.timers;

import java.util.List;

/**
 * One engine configuration of a run. Each lever adds to the one before; {@link #LEADFLOW} is everything the
 * app ships, {@link #DEFAULTS} the engine as Camunda configures it.
 */
enum Variant {
  DEFAULTS("engine defaults: no extra index, default acquisition and job executor", false, false, false),
  INDEX("+ V012 indexes", true, false, false),
  INDEX_DUE_DATE("+ V012 indexes + acquisition by due date", true, true, false),
  LEADFLOW("leadflow as shipped: + job-executor settings", true, true, true);

  final String description;
  final boolean indexes;
  final boolean acquisitionByDueDate;
  final boolean jobExecutorSettings;

  Variant(String description, boolean indexes, boolean acquisitionByDueDate, boolean jobExecutorSettings) {
    this.description = description;
    this.indexes = indexes;
    this.acquisitionByDueDate = acquisitionByDueDate;
    this.jobExecutorSettings = jobExecutorSettings;
  }

  String key() {
    return name().toLowerCase().replace('_', '-');
  }

  static Variant ofKey(String key) {
    for (Variant variant : values()) {
      if (variant.key().equals(key.trim())) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant '" + key + "', known: " + List.of(values()).stream()
        .map(Variant::key).toList());
  }
}
