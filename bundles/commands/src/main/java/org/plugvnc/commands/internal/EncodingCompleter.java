package org.plugvnc.commands.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.plugvnc.api.management.VncManagement;

/** Completes the names of the registered encodings, each described by its number and bundle. */
@Service
public class EncodingCompleter extends CandidateCompleter {

  @Reference(optional = true)
  VncManagement management;

  @Override
  List<Candidate> candidates(CommandLine commandLine) {
    if (management == null) {
      return List.of();
    }
    return management.encoders().stream()
        .map(e -> candidate(e.name(), "encoding " + e.encoding() + ", " + e.bundle()))
        .toList();
  }
}
