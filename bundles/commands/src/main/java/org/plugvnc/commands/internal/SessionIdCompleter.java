package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.plugvnc.api.management.VncManagement;

/** Completes the ids of the connected sessions, each described by its peer and user. */
@Service
public class SessionIdCompleter extends CandidateCompleter {

  @Reference(optional = true)
  VncManagement management;

  @Override
  List<Candidate> candidates(CommandLine commandLine) {
    if (management == null) {
      return List.of();
    }
    return management.sessions().stream()
        .map(s -> candidate(Long.toString(s.id()), s.peer() + ", " + Cells.orNone(s.user())))
        .toList();
  }
}
