package org.plugvnc.commands.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/**
 * A completer that offers values with a description beside each (JLine shows it in the list and
 * filters by what was typed). Karaf's console asks for {@link #completeCandidates}; the older
 * string form is served from the same candidates.
 */
abstract class CandidateCompleter implements Completer {

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    List<Candidate> found = new ArrayList<>();
    completeCandidates(session, commandLine, found);
    found.forEach(c -> candidates.add(c.value()));
    return candidates.isEmpty() ? -1 : 0;
  }

  @Override
  public void completeCandidates(Session session, CommandLine commandLine,
      List<Candidate> candidates) {
    candidates(commandLine).forEach(candidates::add);
  }

  /** The values to offer now, from a fresh snapshot of the server. */
  abstract List<Candidate> candidates(CommandLine commandLine);

  /** A complete value (a space follows it) with {@code description} beside it. */
  static Candidate candidate(String value, String description) {
    return new Candidate(value, value, null, description, null, null, true);
  }
}
