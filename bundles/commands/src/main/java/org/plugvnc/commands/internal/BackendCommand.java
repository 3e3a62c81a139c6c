package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.VncManagement;

/**
 * {@code vnc:backend [DESKTOP [BACKEND]]}: shows which capture backend each desktop shows, or
 * switches one desktop to another backend without dropping its viewers.
 */
@Command(scope = "vnc", name = "backend",
    description = "Shows the desktops' capture backends, or switches a desktop to another one.")
@Service
public class BackendCommand implements Action {

  @Argument(index = 0, name = "desktop", description = "The desktop's id")
  @Completion(DesktopCompleter.class)
  String desktop;

  @Argument(index = 1, name = "backend", description = "The backend to show from now on")
  @Completion(BackendCompleter.class)
  String backend;

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    if (backend != null) {
      server.setBackend(desktop, backend);
      System.out.println("Desktop " + desktop + " shows backend " + backend + " from now on");
    }
    List<DesktopInfo> all = server.desktops();
    List<DesktopInfo> desktops = all.stream()
        .filter(d -> desktop == null || d.id().equals(desktop)).toList();
    if (desktops.isEmpty() && desktop != null) {
      throw new IllegalArgumentException("No desktop " + desktop + " (there are: "
          + Cells.list(all.stream().map(DesktopInfo::id).toList()) + ")");
    }
    table(desktops).print(System.out);
    return null;
  }

  /** The table of each desktop's shown, configured and available backends. */
  static ShellTable table(List<DesktopInfo> desktops) {
    ShellTable table = new ShellTable().emptyTableText("No desktop");
    List.of("Desktop", "Shown", "Configured", "Available").forEach(table::column);
    for (DesktopInfo d : desktops) {
      table.addRow().addContent(d.id(), Cells.orNone(d.backend()),
          Cells.orNone(d.configuredBackend()), Cells.orNone(Cells.list(d.availableBackends())));
    }
    return table;
  }
}
