package org.plugvnc.client.decode;

import java.util.HashSet;
import java.util.Set;
import org.plugvnc.client.RfbNumbers;

/**
 * Every encoding number this connection has listed in a SetEncodings so far, so that decoders can
 * refuse what the server may only send to a client that asked for it (an encoding never listed,
 * Tight's JPEG without a quality level, TurboVNC's Tight without zlib without -317).
 *
 * <p>The union of all lists counts, not the last one: an update already in flight when the
 * client sends a new list was encoded for the old one, and RFB cannot tell which list an update
 * answers. Until the first list is sent nothing is known and everything is allowed, so that tests
 * can speak raw bytes. Thread-safe: lists are added by writing threads, read by the reading one.
 */
public final class ListedEncodings {

  private volatile Set<Integer> listed;

  /** Adds one SetEncodings list. */
  public synchronized void add(int... encodings) {
    Set<Integer> s = listed == null ? new HashSet<>() : new HashSet<>(listed);
    for (int e : encodings) {
      s.add(e);
    }
    listed = Set.copyOf(s);
  }

  /** @return whether any SetEncodings was recorded */
  public boolean known() {
    return listed != null;
  }

  /**
   * @return whether the server may send {@code encoding}: Raw always (RFC 6143 7.7.1), anything
   *         while no list is known, otherwise only what was listed
   */
  public boolean allows(int encoding) {
    Set<Integer> s = listed;
    return s == null || encoding == RfbNumbers.ENCODING_RAW || s.contains(encoding);
  }

  /**
   * @return whether Tight may use JPEG: the client listed a quality level (-32..-23) or a fine
   *         quality level (-512..-412), or no list is known
   */
  public boolean allowsJpeg() {
    Set<Integer> s = listed;
    return s == null || s.stream()
        .anyMatch(e -> RfbNumbers.isQualityLevel(e) || RfbNumbers.isFineQualityLevel(e));
  }
}
