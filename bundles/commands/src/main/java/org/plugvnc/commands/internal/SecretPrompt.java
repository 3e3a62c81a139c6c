package org.plugvnc.commands.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.karaf.shell.api.console.Session;

/**
 * Asks the person at the console for a new secret, twice, echoing nothing. On a terminal it reads
 * through the session's line reader with the mask character 0, which JLine takes as "display
 * nothing" (neither the characters nor stars); a session without a terminal (an SSH exec channel)
 * has no line reader, and there the secret is read from the session's raw input, which is piped
 * and not echoed. The secret is held in char arrays the caller wipes; on a terminal JLine hands
 * the line over as a String, which cannot be wiped and is left to the garbage collector.
 */
final class SecretPrompt {

  /** Longer lines are refused: far beyond any password, and bounds what is read. */
  static final int MAX_BYTES = 1024;

  /** JLine's "echo nothing" mask. */
  private static final char NO_ECHO = 0;

  private final Session session;

  SecretPrompt(Session session) {
    this.session = session;
  }

  /**
   * Asks for {@code what} and then again, and returns it for the caller to wipe.
   *
   * @throws IllegalArgumentException if it is empty, the two entries differ or the input ended;
   *     nothing is returned then and both entries are wiped
   */
  char[] readNew(String what) throws IOException {
    char[] first = read(what + ": ", what);
    char[] again = null;
    try {
      if (first.length == 0) {
        throw new IllegalArgumentException("The " + what + " is empty: nothing was changed");
      }
      again = read(what + " again: ", what);
      if (!Arrays.equals(first, again)) {
        throw new IllegalArgumentException("The two entries of the " + what
            + " differ: nothing was changed");
      }
      return first;
    } catch (RuntimeException | IOException e) {
      Arrays.fill(first, '\0');
      throw e;
    } finally {
      if (again != null) {
        Arrays.fill(again, '\0');
      }
    }
  }

  private char[] read(String prompt, String what) throws IOException {
    String line;
    try {
      line = session.readLine(prompt, NO_ECHO);
    } catch (UnsupportedOperationException noTerminal) {
      return readKeyboard(prompt, what);
    } catch (RuntimeException ended) {
      // JLine ends a read with an unchecked exception on end of input or Ctrl-C.
      throw new IllegalArgumentException("No " + what + " was entered: nothing was changed",
          ended);
    }
    if (line == null) {
      throw new IllegalArgumentException("No " + what + " was entered: nothing was changed");
    }
    return line.toCharArray();
  }

  private char[] readKeyboard(String prompt, String what) throws IOException {
    PrintStream console = session.getConsole();
    console.print(prompt);
    console.flush();
    char[] line = KeyboardLine.read(session.getKeyboard(), MAX_BYTES);
    console.println();
    if (line == null) {
      throw new IllegalArgumentException("No " + what + " was entered: nothing was changed");
    }
    return line;
  }
}
