package org.leadflow.bench.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.leadflow.bench.timers.Database;
import org.leadflow.bench.timers.LeadflowSettings;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The raw-engine baseline of issue 8: the engine embedded as the app embeds it (Camunda's Spring Boot
 * starter, the app's {@code camunda.bpm.*} and pool settings, history full, the app's engine indexes)
 * starting a trivial process, three no-op service tasks then a user task, from several threads, one
 * transaction per instance. What a lead start could cost at best on this database and machine; the
 * intake figures are reported as ratios to it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BaselineEngine {

  static final String PROCESS_KEY = "bench-trivial";

  /** The no-op delegate of the three service tasks. */
  @Bean
  JavaDelegate noop() {
    return execution -> { };
  }

  /** Instances per second, counted over {@code measureSeconds} after {@code warmupSeconds}. */
  static Map<String, Object> measure(Database database, LeadflowSettings settings, Map<String, String> driverSettings,
      int threads, int warmupSeconds, int measureSeconds) throws Exception {
    Map<String, Object> properties = new LinkedHashMap<>(settings.shipped());
    driverSettings.forEach((name, value) -> properties.put("spring.datasource.hikari.data-source-properties." + name,
        value));
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("camunda.bpm.database.schema-update", "true");   // the app's default (CAMUNDA_SCHEMA_UPDATE)
    properties.put("spring.flyway.enabled", "false");
    properties.put("spring.main.banner-mode", "off");
    properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BaselineEngine.class)
        .web(WebApplicationType.NONE).properties(properties).logStartupInfo(false).run()) {
      Flyway.configure().dataSource(context.getBean(DataSource.class))   // the indexes the app adds (db/engine)
          .locations("filesystem:" + settings.migrations).table("lead_engine_schema_history")
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      deployTrivialModel(engine);
      Map<String, Object> result = startFromThreads(engine.getRuntimeService(), threads, warmupSeconds, measureSeconds);
      result.put("driverSettings", driverSettings);
      return result;
    }
  }

  private static Map<String, Object> startFromThreads(RuntimeService runtime, int threads, int warmupSeconds,
      int measureSeconds) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong started = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        for (long n = 0; running.get(); n++) {
          runtime.startProcessInstanceByKey(PROCESS_KEY, "baseline-" + thread + "-" + n);   // one transaction
          started.incrementAndGet();
        }
        return null;
      }));
    }
    Thread.sleep(warmupSeconds * 1000L);
    long fromCount = started.get();
    long fromNanos = System.nanoTime();
    Thread.sleep(measureSeconds * 1000L);
    long count = started.get() - fromCount;
    double seconds = (System.nanoTime() - fromNanos) / 1e9;
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("threads", threads);
    result.put("warmupSeconds", warmupSeconds);
    result.put("measuredSeconds", Math.round(seconds * 10) / 10.0);
    result.put("instancesMeasured", count);
    result.put("instancesTotal", started.get());
    result.put("instancesPerSecond", Math.round(count / seconds * 10) / 10.0);
    return result;
  }

  private static void deployTrivialModel(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Bench trivial lead")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_LeadCaptured")
        .serviceTask("Task_First").camundaDelegateExpression("${noop}")
        .serviceTask("Task_Second").camundaDelegateExpression("${noop}")
        .serviceTask("Task_Third").camundaDelegateExpression("${noop}")
        .userTask("Task_Qualify").camundaCandidateGroups("sdr")
        .endEvent("EndEvent_Done")
        .done();
    engine.getRepositoryService().createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model)
        .deploy();
  }
}
