package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.plugvnc.api.management.VncManagement;

/** Completes the ids of the desktops, each described by its name. */
@Service
public class DesktopCompleter extends CandidateCompleter {

  @Reference(optional = true)
  VncManagement management;

  @Override
  List<Candidate> candidates(CommandLine commandLine) {
    if (management == null) {
      return List.of();
    }
    return management.desktops().stream().map(d -> candidate(d.id(), d.name())).toList();
  }
}
