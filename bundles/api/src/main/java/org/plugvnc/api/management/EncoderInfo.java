package org.plugvnc.api.management;

import java.util.List;

/**
 * One registered encoder.
 *
 * @param encoding its RFB encoding number
 * @param name that encoding's name ({@code ZRLE}, say)
 * @param bundle the symbolic name and version of the bundle that registered it
 * @param lossy whether it may send JPEG
 * @param sessions the ids of the sessions that have sent rectangles with it and still use it
 */
public record EncoderInfo(int encoding, String name, String bundle, boolean lossy,
    List<Long> sessions) {

  /** Copies the list, so the record stays a snapshot. */
  public EncoderInfo {
    sessions = List.copyOf(sessions);
  }
}
