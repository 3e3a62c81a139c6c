package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.VncManagement;

/** {@code vnc:desktops}: the desktops viewers can connect to. */
@Command(scope = "vnc", name = "desktops", description = "Lists the desktops viewers can view.")
@Service
public class DesktopsCommand implements Action {

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    table(server.desktops()).print(System.out);
    return null;
  }

  /** The table of {@code desktops}. */
  static ShellTable table(List<DesktopInfo> desktops) {
    ShellTable table = new ShellTable().emptyTableText("No desktop");
    List.of("Id", "Name", "Listening", "Backend", "Size").forEach(table::column);
    table.column("Sessions").alignRight();
    for (DesktopInfo d : desktops) {
      table.addRow().addContent(d.id(), d.name(), Cells.orNone(Cells.list(d.listening())),
          Cells.orNone(d.backend()), d.width() + "x" + d.height(), d.sessions());
    }
    return table;
  }
}
