package org.plugvnc.commands.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.plugvnc.api.security.VncPasswordWriter;

/**
 * {@code vnc:password [--view-only-too]}: sets the VNC Authentication password, asked for twice
 * without echo; never on the command line, where history and logs would keep it.
 */
@Command(scope = "vnc", name = "password",
    description = "Sets the VNC password (VNC Authentication), asking for it twice without echo."
        + " Viewers connected stay; new ones need the new password.")
@Service
public class PasswordCommand implements Action {

  /** RFB's VNC Authentication keys DES with the first 8 characters only. */
  private static final int SIGNIFICANT = 8;

  @Option(name = "--view-only-too",
      description = "Then also asks for a password that lets a viewer only watch; without it, a"
          + " view-only password set before is removed")
  boolean viewOnlyToo;

  @Reference
  Session session;

  @Reference(optional = true)
  VncPasswordWriter writer;

  @Override
  public Object execute() throws IOException {
    VncPasswordWriter store = Running.passwordStore(writer);
    SecretPrompt prompt = new SecretPrompt(session);
    char[] full = prompt.readNew("VNC password");
    char[] viewOnly = null;
    try {
      if (viewOnlyToo) {
        viewOnly = prompt.readNew("view-only password");
      }
      if (full.length > SIGNIFICANT || viewOnly != null && viewOnly.length > SIGNIFICANT) {
        System.out.println("Note: VNC Authentication uses only the first " + SIGNIFICANT
            + " characters");
      }
      String where = store.write(full, viewOnly);
      System.out.println((viewOnly == null ? "The VNC password was" : "The VNC passwords were")
          + " written to " + where);
    } finally {
      Arrays.fill(full, '\0');
      if (viewOnly != null) {
        Arrays.fill(viewOnly, '\0');
      }
    }
    return null;
  }
}
