package org.plugvnc.api.management;

import java.util.List;

/**
 * One security type, registered or configured.
 *
 * @param type its RFB security-type number
 * @param name its name ({@code VncAuth}, say)
 * @param bundle the symbolic name and version of the bundle that registered it; empty when none
 * @param configured whether the configuration lists it
 * @param offered whether new connections are offered it now (configured and registered)
 * @param sessions the ids of the sessions that authenticated with it
 */
public record SecurityTypeInfo(int type, String name, String bundle, boolean configured,
    boolean offered, List<Long> sessions) {

  /** Copies the list, so the record stays a snapshot. */
  public SecurityTypeInfo {
    sessions = List.copyOf(sessions);
  }
}
