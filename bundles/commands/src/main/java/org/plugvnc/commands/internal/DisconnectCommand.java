package org.plugvnc.commands.internal;

import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.VncManagement;

/** {@code vnc:disconnect ID [REASON...]}: closes one viewer's session. */
@Command(scope = "vnc", name = "disconnect", description = "Disconnects a viewer's session.")
@Service
public class DisconnectCommand implements Action {

  @Argument(index = 0, name = "id", required = true, description = "The session's id")
  @Completion(SessionIdCompleter.class)
  long id;

  @Argument(index = 1, name = "reason", multiValued = true,
      description = "Why, for the server's log and the disconnection event")
  List<String> reason;

  @Reference(optional = true)
  VncManagement management;

  @Override
  public Object execute() {
    VncManagement server = Running.server(management);
    Optional<SessionInfo> session = server.session(id);
    String why = reason == null ? "" : String.join(" ", reason);
    if (session.isPresent() && server.disconnect(id, why)) {
      SessionInfo s = session.get();
      System.out.println("Disconnected session " + id + " (" + s.peer() + ", "
          + Cells.orNone(s.user()) + ")" + (why.isEmpty() ? "" : ": " + why));
    } else {
      System.out.println("No session " + id + " is connected");
    }
    return null;
  }
}
