package org.plugvnc.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plugvnc.api.protocol.Rfb;

/** Parses the configured list of security types: names or numbers, comma separated. */
final class SecurityTypeNames {

  private SecurityTypeNames() {}

  /**
   * The security-type numbers of {@code list}, in order, duplicates dropped.
   *
   * @throws IllegalArgumentException naming an entry that is neither a known name nor a number
   *     from 1 to 255
   */
  static List<Integer> parse(String list) {
    List<Integer> out = new ArrayList<>();
    for (String raw : list.split("[,\\s]+")) {
      if (raw.isEmpty()) {
        continue;
      }
      int t = number(raw.trim());
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private static int number(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "none":
        return Rfb.SECURITY_NONE;
      case "vncauth":
      case "vnc":
        return Rfb.SECURITY_VNC_AUTH;
      case "vencrypt":
        return Rfb.SECURITY_VENCRYPT;
      default:
        try {
          int n = Integer.parseInt(s);
          if (n >= 1 && n <= 255) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new IllegalArgumentException("unknown security type '" + s + "'");
    }
  }
}
