package org.leadflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RollupDeltasTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
  private final ReportMapper reports = mock(ReportMapper.class);

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.setActualTransactionActive(false);
  }

  @Test
  void inATransactionTheRowsAreSummedAndWrittenInKeyOrderJustBeforeCommit() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionSynchronizationManager.setActualTransactionActive(true);

    RollupDeltas.addPasses(reports, List.of(pass("C", "channel", "web", 1, 1), pass("C", "all", "", 1, 1)));
    RollupDeltas.addPasses(reports, List.of(pass("C", "all", "", 1, 0)));
    RollupDeltas.addQuality(reports, List.of(quality("V", -1), quality("I", 1)));
    RollupDeltas.addQuality(reports, List.of(quality("I", -1), quality("V", 1)));   // changed back: nothing left
    verify(reports, never()).addDailyPasses(any());

    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<ReportMapper.DailyPass>> written = ArgumentCaptor.forClass(List.class);
    verify(reports).addDailyPasses(written.capture());
    assertThat(written.getValue()).containsExactly(pass("C", "all", "", 2, 1), pass("C", "channel", "web", 1, 1));
    verify(reports, never()).addDailyQuality(any());
  }

  @Test
  void aTransactionOfItsOwnInsideAnotherWritesItsOwnRowsWhenItCommits() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionSynchronizationManager.setActualTransactionActive(true);
    RollupDeltas.addPasses(reports, List.of(pass("C", "all", "", 1, 1)));
    // REQUIRES_NEW: Spring suspends the outer transaction's synchronizations and starts a fresh list
    List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();

    RollupDeltas.addPasses(reports, List.of(pass("E", "all", "", 1, 0)));
    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));

    verify(reports).addDailyPasses(List.of(pass("E", "all", "", 1, 0)));
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();
    outer.forEach(TransactionSynchronizationManager::registerSynchronization);
    outer.forEach(s -> s.beforeCommit(false));
    verify(reports).addDailyPasses(List.of(pass("C", "all", "", 1, 1)));
  }

  @Test
  void outsideATransactionTheRowsAreWrittenAtOnce() {
    RollupDeltas.addPasses(reports, List.of(pass("E", "all", "", 1, 1)));

    verify(reports).addDailyPasses(List.of(pass("E", "all", "", 1, 1)));
  }

  private static ReportMapper.DailyPass pass(String basis, String dim, String value, long passes, long first) {
    return new ReportMapper.DailyPass(basis, dim, value, "CAPTURED", DAY, ReportProjection.NEVER, passes, first, 0);
  }

  private static ReportMapper.DailyQuality quality(String verdict, long leads) {
    return new ReportMapper.DailyQuality("all", "", DAY, verdict, "", leads);
  }
}
