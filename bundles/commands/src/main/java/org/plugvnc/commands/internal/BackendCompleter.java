package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.VncManagement;

/**
 * Completes the backend argument of {@code vnc:backend DESKTOP BACKEND}: the backends that desktop
 * could show, marked when it shows or is configured for one; every desktop's when the first
 * argument names none.
 */
@Service
public class BackendCompleter extends CandidateCompleter {

  @Reference(optional = true)
  VncManagement management;

  @Override
  List<Candidate> candidates(CommandLine commandLine) {
    if (management == null) {
      return List.of();
    }
    String[] words = commandLine.getArguments();
    List<DesktopInfo> desktops = management.desktops();
    List<DesktopInfo> named = desktops.stream()
        .filter(d -> words.length > 1 && d.id().equals(words[1])).toList();
    return (named.isEmpty() ? desktops : named).stream()
        .flatMap(d -> d.availableBackends().stream().map(b -> candidate(b, describe(d, b))))
        .toList();
  }

  private static String describe(DesktopInfo desktop, String backend) {
    String state = backend.equals(desktop.backend()) ? "shown"
        : backend.equals(desktop.configuredBackend()) ? "configured" : "available";
    return state + " on " + desktop.id();
  }
}
