package org.leadflow.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rollup increments of one transaction (V019's and V020's {@code report_daily_*}, V021's {@link LeadFigures}),
 * summed by row key and written just before the transaction commits, every table's rows in key order.
 *
 * <p>Why not at once: every capture adds to the same rows (the "all leads" slice of today), and an upsert holds
 * its row lock until commit. Written where they arise, the first increment of a capture would hold that row
 * while the rest of the transaction runs (the lead's process up to its first wait state, a batch of intake
 * records), so every capturing transaction of every node would wait for the one before it. Written at commit,
 * the hot rows are held for the last statements only, and all writers take them in one order (no deadlock
 * between two flushes). Increments commute, so the sums are what the single writes would have given; nothing
 * reads the rollups inside the writing transaction. Outside a transaction the rows are written at once.
 */
final class RollupDeltas implements TransactionSynchronization {

  private static final Comparator<ReportMapper.DailyPass> PASS_ORDER = Comparator
      .comparing(ReportMapper.DailyPass::basis).thenComparing(ReportMapper.DailyPass::dim)
      .thenComparing(ReportMapper.DailyPass::dimValue).thenComparing(ReportMapper.DailyPass::stage)
      .thenComparing(ReportMapper.DailyPass::day).thenComparing(ReportMapper.DailyPass::prevDay);
  private static final Comparator<ReportMapper.DailyRecycle> RECYCLE_ORDER = Comparator
      .comparing(ReportMapper.DailyRecycle::basis).thenComparing(ReportMapper.DailyRecycle::dim)
      .thenComparing(ReportMapper.DailyRecycle::dimValue).thenComparing(ReportMapper.DailyRecycle::day)
      .thenComparing(ReportMapper.DailyRecycle::reason);
  private static final Comparator<ReportMapper.DailyQuality> QUALITY_ORDER = Comparator
      .comparing(ReportMapper.DailyQuality::dim).thenComparing(ReportMapper.DailyQuality::dimValue)
      .thenComparing(ReportMapper.DailyQuality::day).thenComparing(ReportMapper.DailyQuality::verdict)
      .thenComparing(ReportMapper.DailyQuality::reason);
  private static final Comparator<ReportMapper.DailyDuration> DURATION_ORDER = Comparator
      .comparing(ReportMapper.DailyDuration::basis).thenComparing(ReportMapper.DailyDuration::dim)
      .thenComparing(ReportMapper.DailyDuration::dimValue).thenComparing(ReportMapper.DailyDuration::stage)
      .thenComparing(ReportMapper.DailyDuration::day).thenComparingInt(ReportMapper.DailyDuration::bucket);

  private static final Comparator<ReportMapper.DailyContact> CONTACT_ORDER = Comparator
      .comparing(ReportMapper.DailyContact::basis).thenComparing(ReportMapper.DailyContact::dim)
      .thenComparing(ReportMapper.DailyContact::dimValue).thenComparing(ReportMapper.DailyContact::day)
      .thenComparingInt(ReportMapper.DailyContact::bucket);
  private static final Comparator<ReportMapper.DailySla> SLA_ORDER = Comparator
      .comparing(ReportMapper.DailySla::basis).thenComparing(ReportMapper.DailySla::dim)
      .thenComparing(ReportMapper.DailySla::dimValue).thenComparing(ReportMapper.DailySla::day)
      .thenComparing(ReportMapper.DailySla::slaType);

  private final ReportMapper reports;
  private final Map<ReportMapper.DailyPass, long[]> passes = new LinkedHashMap<>();
  private final Map<ReportMapper.DailyRecycle, long[]> recycles = new LinkedHashMap<>();
  private final Map<ReportMapper.DailyQuality, long[]> quality = new LinkedHashMap<>();
  private final Map<ReportMapper.DailyDuration, long[]> durations = new LinkedHashMap<>();
  private final Map<ReportMapper.DailyContact, long[]> contacts = new LinkedHashMap<>();
  private final Map<ReportMapper.DailySla, long[]> slas = new LinkedHashMap<>();
  private final Map<LeadFigures.Key, BigDecimal[]> figures = new LinkedHashMap<>();

  private RollupDeltas(ReportMapper reports) {
    this.reports = reports;
  }

  /**
   * The current transaction's deltas (registered with it on first use), or null outside a transaction. Found
   * among the transaction's own synchronizations, not bound as a resource: Spring suspends and restores those
   * with the transaction, so a transaction of its own inside another one (REQUIRES_NEW) gets deltas of its own
   * and writes them when it commits, not when the outer one does.
   */
  static RollupDeltas ofCurrentTransaction(ReportMapper reports) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof RollupDeltas deltas && deltas.reports == reports) {
        return deltas;
      }
    }
    RollupDeltas deltas = new RollupDeltas(reports);
    TransactionSynchronizationManager.registerSynchronization(deltas);
    return deltas;
  }

  /** Adds the rows in the current transaction, or writes them at once outside one. */
  static void addPasses(ReportMapper reports, List<ReportMapper.DailyPass> rows) {
    add(reports, rows, PASS_ORDER, reports::addDailyPasses, d -> d.passes,
        r -> new ReportMapper.DailyPass(r.basis(), r.dim(), r.dimValue(), r.stage(), r.day(), r.prevDay(), 0, 0, 0),
        r -> new long[] {r.passes(), r.firstPasses(), r.strictPasses()});
  }

  static void addRecycles(ReportMapper reports, List<ReportMapper.DailyRecycle> rows) {
    add(reports, rows, RECYCLE_ORDER, reports::addDailyRecycles, d -> d.recycles,
        r -> new ReportMapper.DailyRecycle(r.basis(), r.dim(), r.dimValue(), r.day(), r.reason(), 0),
        r -> new long[] {r.passes()});
  }

  static void addQuality(ReportMapper reports, List<ReportMapper.DailyQuality> rows) {
    add(reports, rows, QUALITY_ORDER, reports::addDailyQuality, d -> d.quality,
        r -> new ReportMapper.DailyQuality(r.dim(), r.dimValue(), r.day(), r.verdict(), r.reason(), 0),
        r -> new long[] {r.leads()});
  }

  static void addDurations(ReportMapper reports, List<ReportMapper.DailyDuration> rows) {
    add(reports, rows, DURATION_ORDER, reports::addDailyDurations, d -> d.durations,
        r -> new ReportMapper.DailyDuration(r.basis(), r.dim(), r.dimValue(), r.stage(), r.day(), r.bucket(), 0),
        r -> new long[] {r.passes()});
  }

  static void addContacts(ReportMapper reports, List<ReportMapper.DailyContact> rows) {
    add(reports, rows, CONTACT_ORDER, reports::addDailyContacts, d -> d.contacts,
        r -> new ReportMapper.DailyContact(r.basis(), r.dim(), r.dimValue(), r.day(), r.bucket(), 0),
        r -> new long[] {r.leads()});
  }

  static void addSlas(ReportMapper reports, List<ReportMapper.DailySla> rows) {
    add(reports, rows, SLA_ORDER, reports::addDailySlas, d -> d.slas,
        r -> new ReportMapper.DailySla(r.basis(), r.dim(), r.dimValue(), r.day(), r.slaType(), 0, 0, 0, 0),
        r -> new long[] {r.clocks(), r.met(), r.breached(), r.stillOpen()});
  }

  /** V021's rows ({@link LeadFigures}): added in the current transaction, or written at once outside one. */
  static void addFigures(ReportMapper reports, List<LeadFigures.Row> rows) {
    RollupDeltas deltas = ofCurrentTransaction(reports);
    if (deltas == null) {
      Map<LeadFigures.Key, BigDecimal[]> sums = new LinkedHashMap<>();
      sum(sums, rows);
      writeFigures(reports, sums);
      return;
    }
    sum(deltas.figures, rows);
  }

  private static void sum(Map<LeadFigures.Key, BigDecimal[]> sums, List<LeadFigures.Row> rows) {
    for (LeadFigures.Row row : rows) {
      BigDecimal[] total = sums.computeIfAbsent(row.key(), k -> zeros(row.amounts().length));
      for (int i = 0; i < total.length; i++) {
        total[i] = total[i].add(row.amounts()[i]);
      }
    }
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] zeros = new BigDecimal[n];
    java.util.Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }

  /** Per table in {@link LeadFigures#TABLES} order, keys in order; rows whose every sum is 0 are left out. */
  private static void writeFigures(ReportMapper reports, Map<LeadFigures.Key, BigDecimal[]> sums) {
    List<LeadFigures.Key> keys = new ArrayList<>();
    sums.forEach((key, total) -> {
      if (java.util.Arrays.stream(total).anyMatch(amount -> amount.signum() != 0)) {
        keys.add(key);
      }
    });
    keys.sort(LeadFigures.KEY_ORDER);
    for (LeadFigures.Table table : LeadFigures.TABLES) {
      List<List<Object>> rows = new ArrayList<>();
      for (LeadFigures.Key key : keys) {
        if (key.table() == table) {
          List<Object> values = new ArrayList<>(key.values());
          values.addAll(List.of(sums.get(key)));
          rows.add(values);
        }
      }
      if (!rows.isEmpty()) {
        reports.addRollupRows(table, rows);
      }
    }
  }

  /** {@code key}: the row with its amounts 0; {@code amounts}: what it adds. */
  private static <R> void add(ReportMapper reports, List<R> rows, Comparator<R> order, Consumer<List<R>> writeNow,
      Function<RollupDeltas, Map<R, long[]>> sums, UnaryOperator<R> key, Function<R, long[]> amounts) {
    RollupDeltas deltas = ofCurrentTransaction(reports);
    if (deltas == null) {
      write(rows, order, writeNow);
      return;
    }
    for (R row : rows) {
      long[] add = amounts.apply(row);
      long[] total = sums.apply(deltas).computeIfAbsent(key.apply(row), k -> new long[add.length]);
      for (int i = 0; i < add.length; i++) {
        total[i] += add[i];
      }
    }
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    write(rows(passes, (k, n) -> new ReportMapper.DailyPass(k.basis(), k.dim(), k.dimValue(), k.stage(), k.day(),
        k.prevDay(), n[0], n[1], n[2])), PASS_ORDER, reports::addDailyPasses);
    write(rows(recycles, (k, n) -> new ReportMapper.DailyRecycle(k.basis(), k.dim(), k.dimValue(), k.day(),
        k.reason(), n[0])), RECYCLE_ORDER, reports::addDailyRecycles);
    write(rows(quality, (k, n) -> new ReportMapper.DailyQuality(k.dim(), k.dimValue(), k.day(), k.verdict(),
        k.reason(), n[0])), QUALITY_ORDER, reports::addDailyQuality);
    write(rows(durations, (k, n) -> new ReportMapper.DailyDuration(k.basis(), k.dim(), k.dimValue(), k.stage(),
        k.day(), k.bucket(), n[0])), DURATION_ORDER, reports::addDailyDurations);
    write(rows(contacts, (k, n) -> new ReportMapper.DailyContact(k.basis(), k.dim(), k.dimValue(), k.day(),
        k.bucket(), n[0])), CONTACT_ORDER, reports::addDailyContacts);
    write(rows(slas, (k, n) -> new ReportMapper.DailySla(k.basis(), k.dim(), k.dimValue(), k.day(), k.slaType(),
        n[0], n[1], n[2], n[3])), SLA_ORDER, reports::addDailySlas);
    writeFigures(reports, figures);
  }

  /** The summed rows, without those whose every sum is 0 (a verdict changed back and forth). */
  private static <K> List<K> rows(Map<K, long[]> sums, BiFunction<K, long[], K> row) {
    List<K> rows = new ArrayList<>();
    sums.forEach((key, total) -> {
      for (long amount : total) {
        if (amount != 0) {
          rows.add(row.apply(key, total));
          return;
        }
      }
    });
    return rows;
  }

  private static <R> void write(List<R> rows, Comparator<R> order, Consumer<List<R>> insert) {
    if (!rows.isEmpty()) {
      List<R> sorted = new ArrayList<>(rows);
      sorted.sort(order);
      insert.accept(sorted);
    }
  }
}
