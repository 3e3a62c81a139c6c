package org.plugvnc.commands.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.UserDirectory;

/**
 * {@code vnc:user add NAME [--view-only] | remove NAME | list}: manages the users the users-file
 * provider lets in, through its {@link UserDirectory} service. The password is asked for twice
 * without echo, never on the command line, where history and logs would keep it.
 */
@Command(scope = "vnc", name = "user",
    description = "Adds (asking for the password twice without echo), removes or lists the users"
        + " of the users file. Changes apply to the next login.")
@Service
public class UserCommand implements Action {

  @Argument(index = 0, name = "action", required = true, description = "add, remove or list")
  String action;

  @Argument(index = 1, name = "name", description = "The user name (add and remove)")
  String name;

  @Option(name = "--view-only", description = "add: the user may only watch (no input, clipboard"
      + " or resize)")
  boolean viewOnly;

  @Reference
  Session session;

  @Reference(optional = true)
  UserDirectory directory;

  @Override
  public Object execute() throws IOException {
    UserDirectory users = Running.userDirectory(directory);
    switch (action) {
      case "add" -> add(users, requireName());
      case "remove" -> System.out.println(users.remove(requireName())
          ? "Removed user " + name + " from " + users.location()
          : "There is no user " + name + " in " + users.location());
      case "list" -> table(users.list()).print(System.out);
      default -> throw new IllegalArgumentException("Unknown action " + action
          + ": add, remove or list");
    }
    return null;
  }

  private void add(UserDirectory users, String user) throws IOException {
    char[] password = new SecretPrompt(session).readNew("password for " + user);
    try {
      boolean replaced = users.put(user, password, viewOnly);
      System.out.println((replaced ? "Replaced user " : "Added user ") + user + " ("
          + (viewOnly ? "view-only" : "full") + ") in " + users.location());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private String requireName() {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("vnc:user " + action + " needs a user name");
    }
    return name;
  }

  /** The users and their rights. */
  static ShellTable table(List<Identity> users) {
    ShellTable table = new ShellTable().emptyTableText("No users");
    table.column("User");
    table.column("Rights");
    users.forEach(u -> table.addRow().addContent(u.name(), u.viewOnly() ? "view-only" : "full"));
    return table;
  }
}
