package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.api.management.ReverseConnections.Target;

/** {@code vnc:reverse}: the listening viewers the server connects out to, and how each stands. */
@Command(scope = "vnc", name = "reverse",
    description = "Lists the listening viewers the server connects to (configured and vnc:connect).")
@Service
public class ReverseCommand implements Action {

  @Reference(optional = true)
  ReverseConnections reverse;

  @Override
  public Object execute() {
    table(Running.reverse(reverse).targets()).print(System.out);
    return null;
  }

  /** The table of {@code targets}. */
  static ShellTable table(List<Target> targets) {
    ShellTable table = new ShellTable().emptyTableText("No reverse connection");
    List.of("Viewer", "Desktop", "Kind", "State", "Detail").forEach(table::column);
    for (Target t : targets) {
      table.addRow().addContent(new ListeningViewer(t.host(), t.port()).toString(), t.desktop(),
          t.configured() ? "configured" : "once", t.state(), Cells.orNone(t.detail()));
    }
    return table;
  }
}
