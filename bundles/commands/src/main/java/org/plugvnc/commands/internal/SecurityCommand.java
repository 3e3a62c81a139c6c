package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.SecurityTypeInfo;
import org.plugvnc.api.management.VncManagement;

/** {@code vnc:security}: the registered and configured security types. */
@Command(scope = "vnc", name = "security",
    description = "Lists the security types: registered, configured, offered, and who used each.")
@Service
public class SecurityCommand implements Action {

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    table(server.securityTypes()).print(System.out);
    return null;
  }

  /** The table of {@code types}; a configured type that no bundle registers has no bundle. */
  static ShellTable table(List<SecurityTypeInfo> types) {
    ShellTable table = new ShellTable().emptyTableText("No security type");
    table.column("Number").alignRight();
    List.of("Name", "Bundle", "Configured", "Offered", "Sessions").forEach(table::column);
    for (SecurityTypeInfo t : types) {
      table.addRow().addContent(t.type(), t.name(), Cells.orNone(t.bundle()),
          Cells.yesNo(t.configured()), Cells.yesNo(t.offered()), Cells.list(t.sessions()));
    }
    return table;
  }
}
