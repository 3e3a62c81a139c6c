package org.plugvnc.interop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Debian's {@code vncsnapshot} (TightVNC 1.2.8 era, RFB 3.3): connects, takes one picture, writes
 * it as JPEG, exits. Run under {@code timeout}, because it can hang forever on encodings it
 * misreads (see CLIENTS.md); it is offered Raw and CopyRect unless told otherwise.
 */
public final class VncSnapshot {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private VncSnapshot() {}

  /**
   * Takes a snapshot of 127.0.0.1:{@code port}.
   *
   * @param passwordFile a VNC password file, or null for a server without authentication
   * @throws AssertionError with vncsnapshot's output when it fails, hangs or writes no readable JPEG
   */
  public static BufferedImage take(int port, Path passwordFile, Path jpeg, Path log) {
    return take(port, passwordFile, "raw copyrect", jpeg, log);
  }

  /**
   * As {@link #take(int, Path, Path, Path)}, offering {@code encodings} (vncsnapshot's
   * {@code -encodings} list, in its order of preference). Never offer Tight: vncsnapshot takes
   * Tight's LastRect for an empty rectangle and hangs (CLIENTS.md).
   */
  public static BufferedImage take(
      int port, Path passwordFile, String encodings, Path jpeg, Path log) {
    List<String> command = new ArrayList<>(List.of(
        "timeout", "--kill-after=5", Long.toString(LIMIT.toSeconds()),
        "vncsnapshot", "-encodings", encodings));
    if (passwordFile != null) {
      command.add("-passwd");
      command.add(passwordFile.toString());
    }
    command.add("127.0.0.1::" + port);
    command.add(jpeg.toString());
    try (ChildProcess snapshot = ChildProcess.start("vncsnapshot", command, Map.of(), log)) {
      int exit = snapshot.awaitExit(LIMIT.plusSeconds(15));
      if (exit != 0 || !Files.isRegularFile(jpeg)) {
        throw new AssertionError("vncsnapshot " + (exit == 124 ? "hung (killed by timeout)" : "failed with " + exit)
            + "; its output:\n" + snapshot.output());
      }
      BufferedImage image = ImageIO.read(jpeg.toFile());
      if (image == null) {
        throw new AssertionError("vncsnapshot wrote no readable JPEG to " + jpeg);
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jpeg, e);
    }
  }
}
