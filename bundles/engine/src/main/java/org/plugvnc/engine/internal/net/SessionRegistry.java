package org.plugvnc.engine.internal.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The sessions in the normal phase. Thread-safe. */
public final class SessionRegistry {

  private final List<Session> sessions = new CopyOnWriteArrayList<>();

  void add(Session s) {
    sessions.add(s);
  }

  void remove(Session s) {
    sessions.remove(s);
  }

  /** The sessions now, a snapshot. */
  public List<Session> sessions() {
    return List.copyOf(sessions);
  }

  /** Closes every session but {@code keep}, for {@code reason}. */
  void closeOthers(Session keep, String reason) {
    for (Session s : sessions) {
      if (s != keep) {
        s.close(reason);
      }
    }
  }

  /** Closes every session, for {@code reason}. */
  public void closeAll(String reason) {
    sessions.forEach(s -> s.close(reason));
  }
}
