package org.plugvnc.engine.internal.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The sessions in the normal phase. Thread-safe; reads take no lock. */
public final class SessionRegistry {

  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  /** The server's registry of every desktop's sessions, or null: this is it. */
  private final SessionRegistry all;

  /** The registry of all sessions. */
  public SessionRegistry() {
    this(null);
  }

  /** The registry of one desktop's sessions, each also registered in {@code all}. */
  public SessionRegistry(SessionRegistry all) {
    this.all = all;
  }

  /**
   * Registers {@code s} under the share policy, deciding and registering in one atomic step: of two
   * viewers asking for exclusive access at the same instant, one is refused ({@code REFUSE}) or
   * closed by the other ({@code DISCONNECT_OTHERS}); neither can miss the other.
   *
   * @param exclusive whether {@code s} takes exclusive access (its shared flag was 0 and its rights
   *     allow it)
   * @return false when refused ({@code REFUSE} with others connected); {@code s} is then not
   *     registered
   */
  synchronized boolean admit(Session s, boolean exclusive, SharePolicy policy) {
    if (exclusive && policy == SharePolicy.REFUSE && !sessions.isEmpty()) {
      return false;
    }
    List<Session> others = exclusive && policy == SharePolicy.DISCONNECT_OTHERS
        ? List.copyOf(sessions) : List.of();
    sessions.add(s);
    if (all != null) {
      all.sessions.add(s);
    }
    others.forEach(o -> o.close("another viewer asked for exclusive access"));
    return true;
  }

  synchronized void remove(Session s) {
    sessions.remove(s);
    if (all != null) {
      all.sessions.remove(s);
    }
  }

  /** The sessions now, a snapshot. */
  public List<Session> sessions() {
    return List.copyOf(sessions);
  }

  /** The sessions now, for reading only, without a copy (read for every update). */
  Iterable<Session> live() {
    return sessions;
  }

  /** Closes every session, for {@code reason}. */
  public void closeAll(String reason) {
    sessions.forEach(s -> s.close(reason));
  }
}
