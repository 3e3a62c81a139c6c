package org.plugvnc.commands.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.api.management.ReverseConnections.Target;

/**
 * {@code vnc:connect HOST[:PORT] [-d DESKTOP]}: connects out, once, to a viewer in listening
 * mode ({@code vncviewer -listen}) and says how it went.
 */
@Command(scope = "vnc", name = "connect",
    description = "Connects to a viewer in listening mode (vncviewer -listen), once.")
@Service
public class ConnectCommand implements Action {

  /** Longer than any connect timeout the reverse transport allows by default. */
  static final long WAIT_SECONDS = 60;

  @Argument(index = 0, name = "viewer", required = true,
      description = "HOST[:PORT] of the listening viewer (port 5500 by default; IPv6 as [addr]:port)")
  String viewer;

  @Option(name = "-d", aliases = "--desktop", description = "The desktop to show (default: default)")
  @Completion(DesktopCompleter.class)
  String desktop = "default";

  @Reference(optional = true)
  ReverseConnections reverse;

  @Override
  public Object execute() throws InterruptedException {
    System.out.println(connect());
    return null;
  }

  /** Connects and returns the line that tells the outcome. */
  String connect() throws InterruptedException {
    ReverseConnections connections = Running.reverse(reverse);
    ListeningViewer target;
    try {
      target = ListeningViewer.parse(viewer);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    try {
      Target t = connections.connect(target.host(), target.port(), desktop)
          .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      return "Connected to viewer " + target + ", desktop " + t.desktop()
          + ": the viewer authenticates now";
    } catch (ExecutionException e) {
      Throwable why = e.getCause() == null ? e : e.getCause();
      return "Could not connect to viewer " + target + ": " + why.getMessage();
    } catch (TimeoutException e) {
      return "No answer from viewer " + target + " within " + WAIT_SECONDS + " s";
    }
  }
}
