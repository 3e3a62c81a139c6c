package org.plugvnc.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TigerVNC's {@code vncviewer} on an X display, set up for pictures that can be compared pixel by
 * pixel: no F8 overlay, a log level low enough that no statistics graph is drawn over the desktop
 * (see CLIENTS.md), no dialogs that would wait for a click, and by default no JPEG and full
 * colour. The window's own cursor is not in {@code xwd}'s screenshots (checked against a scripted
 * server sending a cursor shape), so a lossless picture can be required to match exactly.
 */
public final class TigerVncViewer {

  /** Picture options for an exact picture in whatever encoding the viewer prefers. */
  public static final List<String> EXACT = List.of("-NoJPEG", "-FullColor");

  private TigerVncViewer() {}

  /**
   * Starts a viewer connecting to 127.0.0.1:{@code port} with the {@link #EXACT} picture options.
   *
   * @param securityTypes the viewer's {@code -SecurityTypes}, e.g. {@code VncAuth} or {@code None}
   * @param passwordFile a VNC password file, or null for none
   * @param extra further viewer parameters
   */
  public static ChildProcess start(
      Xvfb xvfb, int port, String securityTypes, Path passwordFile, Path log, String... extra) {
    return start(xvfb, port, securityTypes, passwordFile, log, EXACT, List.of(extra));
  }

  /**
   * Starts a viewer connecting to 127.0.0.1:{@code port} with the given picture options (encoding,
   * colour depth, JPEG) instead of {@link #EXACT}.
   *
   * @param pictureOptions e.g. {@code -AutoSelect=0 -PreferredEncoding=ZRLE -FullColor -NoJPEG}
   */
  public static ChildProcess start(Xvfb xvfb, int port, String securityTypes, Path passwordFile,
      Path log, List<String> pictureOptions, List<String> extra) {
    return start(xvfb, port, securityTypes, passwordFile, log, pictureOptions, extra, Map.of());
  }

  /**
   * Starts a viewer as {@link #start(Xvfb, int, String, Path, Path, List, List)} does, with more
   * environment variables: {@code VNC_USERNAME} and {@code VNC_PASSWORD} answer the user name and
   * password questions of the Plain subtypes without a dialog.
   */
  public static ChildProcess start(Xvfb xvfb, int port, String securityTypes, Path passwordFile,
      Path log, List<String> pictureOptions, List<String> extra, Map<String, String> environment) {
    List<String> command = command(xvfb, securityTypes, passwordFile, pictureOptions, extra);
    command.add("127.0.0.1::" + port);
    return launch(xvfb, command, environment, log);
  }

  /**
   * Starts a viewer in listening mode ({@code vncviewer -listen PORT}) with the {@link #EXACT}
   * picture options: it waits for a server to connect to it (a reverse connection).
   */
  public static ChildProcess listen(
      Xvfb xvfb, int listenPort, String securityTypes, Path passwordFile, Path log) {
    List<String> command = command(xvfb, securityTypes, passwordFile, EXACT, List.of());
    command.add("-listen");
    command.add(Integer.toString(listenPort));
    return launch(xvfb, command, Map.of(), log);
  }

  private static List<String> command(Xvfb xvfb, String securityTypes, Path passwordFile,
      List<String> pictureOptions, List<String> extra) {
    List<String> command = new ArrayList<>(List.of(
        "vncviewer",
        "-display", xvfb.display(),
        "-SecurityTypes", securityTypes));
    command.addAll(pictureOptions);
    command.addAll(List.of(
        "-MenuKey=",
        "-AlertOnFatalError=0",
        "-ReconnectOnError=0",
        "-Log", "*:stderr:30"));
    if (passwordFile != null) {
      command.add("-passwd");
      command.add(passwordFile.toString());
    }
    command.addAll(extra);
    return command;
  }

  private static ChildProcess launch(Xvfb xvfb, List<String> command,
      Map<String, String> environment, Path log) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("DISPLAY", xvfb.display());
    return ChildProcess.start("vncviewer", command, env, log);
  }
}
