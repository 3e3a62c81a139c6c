package org.plugvnc.api.management;

import java.util.List;

/**
 * One desktop.
 *
 * @param id the desktop's identifier, used by {@link VncManagement#setBackend}
 * @param name the name viewers show in their title (ServerInit)
 * @param listening the addresses its listener is bound to, as {@code host:port}; empty when none
 * @param backend the backend being shown, or empty while none is (a black framebuffer stands in)
 * @param configuredBackend the backend its configuration (or a later {@code setBackend}) asks for
 * @param availableBackends the names of the registered backends it could show
 * @param width the framebuffer's width now
 * @param height the framebuffer's height now
 * @param sessions how many viewers it serves now
 */
public record DesktopInfo(String id, String name, List<String> listening, String backend,
    String configuredBackend, List<String> availableBackends, int width, int height, int sessions) {

  /** Copies the lists, so the record stays a snapshot. */
  public DesktopInfo {
    listening = List.copyOf(listening);
    availableBackends = List.copyOf(availableBackends);
  }
}
