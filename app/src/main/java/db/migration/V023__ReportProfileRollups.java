package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadflow.reports.ReportProfile;
import org.leadflow.reports.RollupRebuild;

/**
 * The backfill of the profile slices (V022, {@link ReportProfile}): report_profile gets every profile of the
 * leads there are, and the ten rollup tables (V019–V021) the rows of the slice kinds 'profile' and 'rt'
 * ({@link RollupRebuild#PROFILE_KINDS}) that the maintenance writes for new leads.
 *
 * <p>Those rows are deleted first: V020 and V021, when they run in the same upgrade (from V019 or
 * earlier), already backfill them (their backfills compute every kind of {@code ReportProjection.slices}),
 * V019 (SQL) does not. Then {@link RollupRebuild} computes them for all ten tables in one pass over the leads in
 * primary-key chunks plus one over four-week capture windows (V020's and V021's ways).
 */
// the class name is the migration: Flyway reads version 023 and its description from it
public class V023__ReportProfileRollups extends BaseJavaMigration {

  static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    profiles(connection);
    RollupRebuild.of(connection, RollupRebuild.PROFILE_KINDS).rebuild();
  }

  /** Inserts the profiles of the leads that report_profile does not list yet; returns how many. */
  public static int profiles(Connection connection) throws SQLException {
    Set<String> known = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select profile_id from report_profile")) {
      while (rows.next()) {
        known.add(rows.getString(1));
      }
    }
    List<String[]> missing = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select distinct source, campaign, landing_page, region from lead")) {
      while (rows.next()) {
        String[] profile = {null, rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)};
        profile[0] = ReportProfile.id(profile[1], profile[2], profile[3], profile[4]);
        if (known.add(profile[0])) {
          missing.add(profile);
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into report_profile (profile_id, source,"
        + " campaign, landing_page, region) values (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < missing.size(); i++) {
        for (int column = 0; column < 5; column++) {
          insert.setString(column + 1, missing.get(i)[column]);
        }
        insert.addBatch();
        if (i % BATCH == BATCH - 1 || i == missing.size() - 1) {
          insert.executeBatch();
        }
      }
    }
    return missing.size();
  }
}
