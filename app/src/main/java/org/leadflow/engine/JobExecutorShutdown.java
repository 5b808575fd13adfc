package org.leadflow.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's part of a graceful shutdown in a cluster: this node's jobs are handed back at once,
 * not after the job lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}, 5 minutes).
 *
 * <p>Without it, jobs this node acquired but did not run can keep its lock: the engine closes (job acquisition
 * stops) and right after it Spring destroys the starter's job thread pool with {@code shutdownNow}, which drops
 * the queued batches of acquired jobs (Camunda unlocks the rest of a batch itself only if the batch still runs
 * after the executor stopped) and interrupts the running ones while the data source closes beneath them; and
 * jobs the full pool refused stay with job acquisition, locked, until it stops. Those jobs keep this node's lock
 * owner and a lock expiry in the future, and no other node runs them until the lock expires.
 *
 * <p>So, as one lifecycle step that stops after the Kafka listener containers and the web server (nothing
 * starts new engine work any more) and before the engine and the data source close: job acquisition
 * stops, the pool finishes the jobs it runs and works off its queue (a batch that starts after the executor
 * stopped unlocks its jobs), within {@code spring.lifecycle.timeout-per-shutdown-phase}; then the jobs this
 * node still holds (refused by the full pool, or still running past that wait) are unlocked.
 * Unlocking is safe even for a job still running here past that wait: the update raises the row's revision,
 * so that job's own commit fails on optimistic locking and rolls back, and the node that takes the job
 * runs it.
 *
 * <p>The lock owner is readable, {@code lead.job-executor.lock-owner} (env {@code JOB_LOCK_OWNER}) or by
 * default host name, port and process id (two nodes on one host differ by port, a restarted node by pid),
 * so that Cockpit and {@code ACT_RU_JOB.LOCK_OWNER_} tell which node holds a job.
 *
 * <p>Uses the engine's {@code impl} classes (plugin, configuration, job executor) and one SQL update on
 * {@code ACT_RU_JOB}: Camunda has no public API to name the lock owner, to stop job acquisition, or to
 * unlock a job.
 */
@Component
public class JobExecutorShutdown extends AbstractProcessEnginePlugin implements SmartLifecycle {

  /**
   * After the Kafka listener containers (phase {@code DEFAULT_PHASE - 100}) and the web server's graceful
   * shutdown and stop ({@code DEFAULT_PHASE - 1024}, {@code - 2048}): lifecycles stop from the highest phase.
   */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final DataSource dataSource;
  private final TaskExecutor jobThreads;
  private final Duration drainTimeout;
  private final String lockOwner;
  private volatile ProcessEngineConfigurationImpl configuration;
  private volatile boolean running;

  /** {@code jobThreads}: the starter's pool of job threads, absent when job execution is off (tests). */
  public JobExecutorShutdown(DataSource dataSource,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
      @Value("${lead.job-executor.lock-owner:}") String lockOwner, @Value("${server.port:8080}") int port,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainTimeout) {
    this.dataSource = dataSource;
    this.jobThreads = jobThreads.getIfAvailable();
    this.drainTimeout = drainTimeout;
    this.lockOwner = lockOwner.isBlank() ? defaultLockOwner(port) : lockOwner.trim();
  }

  /** {@code host:port:pid}: two nodes on one host differ by port, a node started again by pid. */
  public static String defaultLockOwner(int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException noName) {
      host = "localhost";
    }
    return host + ":" + port + ":" + ProcessHandle.current().pid();
  }

  public String lockOwner() {
    return lockOwner;
  }

  /** After the starter set up its job executor (its preInit). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(lockOwner);
      log.info("Job executor lock owner: {}", lockOwner);
    }
  }

  @Override
  public void start() {
    running = true;   // the starter starts the job executor itself (on ApplicationReadyEvent)
  }

  @Override
  public void stop() {
    running = false;
    ProcessEngineConfigurationImpl engine = configuration;
    if (engine == null || engine.getJobExecutor() == null) {
      return;
    }
    long started = System.nanoTime();
    JobExecutor jobExecutor = engine.getJobExecutor();
    if (jobExecutor.isActive()) {
      jobExecutor.shutdown();   // acquisition stops; the engine's close later finds it stopped
    }
    boolean drained = drain();
    int unlocked = unlock(engine.getDatabaseTablePrefix());
    log.info("Job executor stopped in {} ms ({}); {} job(s) of lock owner {} unlocked for the other nodes",
        (System.nanoTime() - started) / 1_000_000, drained ? "running jobs finished" : "jobs still running",
        unlocked, lockOwner);
  }

  /** Lets the jobs already handed to the pool run (the pool takes no new ones); true when none is left. */
  private boolean drain() {
    if (!(jobThreads instanceof ThreadPoolTaskExecutor pool)) {
      return true;
    }
    ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
    threads.shutdown();   // the queued batches still run: Camunda unlocks their jobs, the executor being stopped
    try {
      return threads.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IllegalStateException notInitialised) {
      return true;
    }
  }

  /** As the engine's own lock update does: owner and expiry set (here cleared) and the revision raised. */
  private int unlock(String tablePrefix) {
    String sql = "update " + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB set LOCK_OWNER_ = null,"
        + " LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, lockOwner);
      int rows = update.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return rows;
    } catch (SQLException failed) {
      // the database may be away: the locks then run out after the lock time, as after a crash
      log.warn("Could not unlock the jobs of lock owner {}: {}", lockOwner, failed.toString());
      return -1;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
