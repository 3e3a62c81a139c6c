package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.management.EncoderInfo;
import org.plugvnc.api.management.VncManagement;

/** {@code vnc:encoders [NAME]}: the registered encoders and the sessions using each. */
@Command(scope = "vnc", name = "encoders",
    description = "Lists the registered encoders and the sessions using each.")
@Service
public class EncodersCommand implements Action {

  @Argument(index = 0, name = "name", description = "Only this encoding (ZRLE, say)")
  @Completion(EncodingCompleter.class)
  String name;

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    List<EncoderInfo> encoders = server.encoders();
    List<EncoderInfo> shown = encoders.stream()
        .filter(e -> name == null || e.name().equalsIgnoreCase(name)).toList();
    if (shown.isEmpty() && name != null) {
      throw new IllegalArgumentException("No encoder for " + name + " is registered (there are: "
          + Cells.list(encoders.stream().map(EncoderInfo::name).toList()) + ")");
    }
    table(shown).print(System.out);
    return null;
  }

  /** The table of {@code encoders}. */
  static ShellTable table(List<EncoderInfo> encoders) {
    ShellTable table = new ShellTable().emptyTableText("No encoder is registered");
    table.column("Number").alignRight();
    List.of("Name", "Bundle", "Lossy", "Sessions").forEach(table::column);
    for (EncoderInfo e : encoders) {
      table.addRow().addContent(e.encoding(), e.name(), e.bundle(), Cells.yesNo(e.lossy()),
          Cells.list(e.sessions()));
    }
    return table;
  }
}
