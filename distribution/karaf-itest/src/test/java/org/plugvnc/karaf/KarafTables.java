package org.plugvnc.karaf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables Karaf's list commands print ({@code bundle:list}, {@code feature:list}): a
 * header, a line of dashes, then one row per line with columns separated by {@code |}.
 */
final class KarafTables {

  private KarafTables() {}

  /** A bundle as {@code bundle:list -s -t 0} shows it. */
  record Bundle(long id, String state, String symbolicName) {}

  /**
   * The rows of a table, each a list of trimmed cells; lines before the dashes (the header, a
   * start-level line) are skipped.
   */
  static List<List<String>> rows(String table) {
    List<List<String>> rows = new ArrayList<>();
    boolean body = false;
    for (String line : table.split("\n")) {
      if (!body) {
        body = line.startsWith("---");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.split("\\|", -1)) {
        cells.add(cell.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The bundles of {@code bundle:list -s -t 0} output, by symbolic name. */
  static Map<String, Bundle> bundles(String bundleList) {
    Map<String, Bundle> bundles = new HashMap<>();
    for (List<String> row : rows(bundleList)) {
      Bundle bundle = new Bundle(Long.parseLong(row.get(0)), row.get(1), row.get(row.size() - 1));
      bundles.put(bundle.symbolicName(), bundle);
    }
    return bundles;
  }

  /** Feature name to state (Started, Resolved, Uninstalled) in {@code feature:list} output. */
  static Map<String, String> featureStates(String featureList) {
    Map<String, String> states = new HashMap<>();
    for (List<String> row : rows(featureList)) {
      states.put(row.get(0), row.get(3));
    }
    return states;
  }

  /** Feature name to whether it is a root feature (the Required column). */
  static Map<String, Boolean> featureRequired(String featureList) {
    Map<String, Boolean> required = new HashMap<>();
    for (List<String> row : rows(featureList)) {
      required.put(row.get(0), "x".equals(row.get(2)));
    }
    return required;
  }
}
