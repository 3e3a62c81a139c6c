package org.plugvnc.client;

/**
 * Told about every server message an {@link RfbClient} reads, after the client applied it.
 * Called on the thread that reads (the one inside {@code poll}/{@code await...}); an exception
 * thrown here propagates out of that call.
 */
@FunctionalInterface
public interface RfbListener {

  /** @param message the message just read and applied */
  void onMessage(ServerMessage message);
}
