package org.leadflow.bench.timers;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The step after the SLA timer: records, when the timer's transaction commits, its due date and the
 * wall-clock time, once per instance (a retried job counts when it finally commits).
 */
final class FiringRecorder implements JavaDelegate {

  static final String DUE_VARIABLE = "slaDue";

  /** Process instance id to {due, fired} in epoch milliseconds. */
  final Map<String, long[]> fired = new ConcurrentHashMap<>();

  @Override
  public void execute(DelegateExecution execution) {
    long due = ((Date) execution.getVariable(DUE_VARIABLE)).getTime();
    String instance = execution.getProcessInstanceId();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> fired.putIfAbsent(instance, new long[] {due, System.currentTimeMillis()}));
  }
}
