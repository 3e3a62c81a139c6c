package org.plugvnc.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TigerVNC's {@code vncviewer} on an X display, set up for pictures that can be compared pixel by
 * pixel: no JPEG, full colour, no F8 overlay, a log level low enough that no statistics graph is
 * drawn over the desktop (see CLIENTS.md), and no dialogs that would wait for a click.
 */
public final class TigerVncViewer {

  private TigerVncViewer() {}

  /**
   * Starts a viewer connecting to 127.0.0.1:{@code port}.
   *
   * @param securityTypes the viewer's {@code -SecurityTypes}, e.g. {@code VncAuth} or {@code None}
   * @param passwordFile a VNC password file, or null for none
   * @param extra further viewer parameters
   */
  public static ChildProcess start(
      Xvfb xvfb, int port, String securityTypes, Path passwordFile, Path log, String... extra) {
    List<String> command = new ArrayList<>(List.of(
        "vncviewer",
        "-display", xvfb.display(),
        "-SecurityTypes", securityTypes,
        "-NoJPEG",
        "-FullColor",
        "-MenuKey=",
        "-AlertOnFatalError=0",
        "-ReconnectOnError=0",
        "-Log", "*:stderr:30"));
    if (passwordFile != null) {
      command.add("-passwd");
      command.add(passwordFile.toString());
    }
    command.addAll(List.of(extra));
    command.add("127.0.0.1::" + port);
    return ChildProcess.start("vncviewer", command, Map.of("DISPLAY", xvfb.display()), log);
  }
}
