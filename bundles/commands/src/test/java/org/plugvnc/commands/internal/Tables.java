package org.plugvnc.commands.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** Prints a table as the console would and splits it back into trimmed cells, line by line. */
final class Tables {

  private Tables() {
  }

  static String render(ShellTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    table.print(out, StandardCharsets.UTF_8, true);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The header and the rows (the rule under the header left out), each as its cells. */
  static List<List<String>> cells(ShellTable table) {
    return render(table).lines().filter(line -> !line.startsWith("─"))
        .map(line -> Arrays.stream(line.split("│", -1)).map(String::strip).toList())
        .toList();
  }
}
