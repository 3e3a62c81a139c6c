package org.plugvnc.commands.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.VncManagement;

/** {@code vnc:sessions}: the viewers being served, oldest first. */
@Command(scope = "vnc", name = "sessions", description = "Lists the connected viewers' sessions.")
@Service
public class SessionsCommand implements Action {

  @Option(name = "-v", aliases = "--verbose",
      description = "Also shows the encodings used, the pixel format and the connection time")
  boolean verbose;

  @Option(name = "-e", aliases = "--encoding",
      description = "Only the sessions the server has sent rectangles in this encoding")
  @Completion(EncodingCompleter.class)
  String encoding;

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    List<SessionInfo> sessions = server.sessions().stream()
        .filter(s -> encoding == null
            || s.encodingsUsed().keySet().stream().anyMatch(encoding::equalsIgnoreCase))
        .toList();
    ShellTable table = table(sessions, verbose, Instant.now(), ZoneId.systemDefault());
    if (encoding != null) {
      table.emptyTableText("No connected viewer has been sent rectangles in " + encoding);
    }
    table.print(System.out);
    return null;
  }

  /** The table of {@code sessions} as seen at {@code now}, times shown in {@code zone}. */
  static ShellTable table(List<SessionInfo> sessions, boolean verbose, Instant now, ZoneId zone) {
    ShellTable table = new ShellTable().emptyTableText("No viewer is connected");
    table.column("Id").alignRight();
    List.of("Desktop", "Peer", "User", "View-only", "Security", "Encoding").forEach(table::column);
    table.column("Sent").alignRight();
    table.column("Updates/s").alignRight();
    table.column("Connected for").alignRight();
    if (verbose) {
      table.column("Encodings used (rectangles)");
      table.column("Pixel format");
      table.column("Connected since");
    }
    for (SessionInfo s : sessions) {
      List<Object> row = new ArrayList<>(List.of(s.id(), s.desktop(), s.peer(),
          Cells.orNone(s.user()), Cells.yesNo(s.viewOnly()), s.securityTypeName(),
          s.preferredEncoding(), Cells.bytes(s.bytesSent()), Cells.rate(s.updatesPerSecond()),
          Cells.duration(Duration.between(s.connectedSince(), now))));
      if (verbose) {
        row.addAll(List.of(Cells.counts(s.encodingsUsed()), s.pixelFormat(),
            Cells.time(s.connectedSince(), zone)));
      }
      table.addRow().addContent(row);
    }
    return table;
  }
}
