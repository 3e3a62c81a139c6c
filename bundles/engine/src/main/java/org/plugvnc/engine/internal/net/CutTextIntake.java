package org.plugvnc.engine.internal.net;

import org.plugvnc.engine.internal.protocol.ClientMessageHandler.CutTextAdmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of one session's long clipboard texts (see
 * {@link org.plugvnc.engine.internal.protocol.ClientMessageReader#STREAMED_ABOVE}): collected with
 * room reserved in the server's {@link InputBudget}, dropped unread when it could not be used, or,
 * when there is no room, kept waiting with the socket unread and tried again shortly. I/O thread,
 * but for {@link #close}.
 */
final class CutTextIntake {

  private static final Logger LOG = LoggerFactory.getLogger(CutTextIntake.class);

  private final InputBudget budget;
  private final String remote;
  private final Runnable pauseReading;
  private final Runnable resumeReading;
  private final SingleRetry retry;
  /** Room held for the text being received. */
  private int reserved;

  CutTextIntake(InputBudget budget, String remote, Runnable pauseReading, Runnable resumeReading,
      SingleRetry retry) {
    this.budget = budget;
    this.remote = remote;
    this.pauseReading = pauseReading;
    this.resumeReading = resumeReading;
    this.retry = retry;
  }

  /** What to do with a text of {@code length} bytes; {@code usable} false drops it unread. */
  CutTextAdmission admit(int length, boolean usable) {
    if (!usable) {
      return CutTextAdmission.SKIP;
    }
    if (!budget.fits(length)) {
      // Longer than the whole budget (both limits lowered while it was on its way): never fits.
      LOG.warn("{}: a clipboard text of {} bytes is dropped: longer than cutTextTotalLimit", remote,
          length);
      return CutTextAdmission.SKIP;
    }
    if (budget.tryReserve(length)) {
      reserved = length;
      return CutTextAdmission.ACCEPT;
    }
    pauseReading.run();
    retry.schedule(resumeReading);
    return CutTextAdmission.WAIT;
  }

  /** The text arrived (or the session ended): its room goes back. */
  void release() {
    budget.release(reserved);
    reserved = 0;
  }

  /** The session ended. Any thread. */
  void close() {
    retry.cancel();
    release();
  }
}
