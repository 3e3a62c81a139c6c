package org.plugvnc.interop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * One headless Chromium kept open across a test class, showing plugvnc's web client page: a
 * Node process running {@code src/test/browser/novnc-driver.cjs}, which takes one JSON command a
 * line on its standard input and answers each with a line {@code @@ reply=JSON}. One page at a
 * time; {@link #open} replaces it.
 *
 * <p>Every call waits for its answer within {@link #CALL_TIMEOUT} (or its own timeout); a failed
 * call throws an AssertionError carrying the driver's output.
 */
final class NoVncBrowser implements AutoCloseable {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);
  private static final Pattern REPLY =
      Pattern.compile("^@@ reply=\\{\"id\":(\\d+),\"ok\":(true|false),\"(value|error)\":(.*)}$");

  private final ChildProcess node;
  private final AtomicInteger ids = new AtomicInteger();
  private final String version;

  private NoVncBrowser(ChildProcess node) {
    this.node = node;
    this.version = call("launch");
  }

  /**
   * Starts the driver and its Chromium.
   *
   * @param trustedSpki the base64 SHA-256 of the one certificate's public key Chromium is to
   *     trust (its {@code --ignore-certificate-errors-spki-list}), or null
   * @param logName the driver's log under {@link Interop#artefacts()}
   */
  static NoVncBrowser start(String trustedSpki, String logName) {
    Browser.require();
    List<String> command = new ArrayList<>(List.of("node",
        Browser.scripts().resolve("novnc-driver.cjs").toString()));
    if (trustedSpki != null) {
      command.add(trustedSpki);
    }
    ChildProcess node = ChildProcess.start("novnc-driver", command,
        Map.of("NODE_PATH", Browser.nodeModules().toString(), "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        Interop.artefacts().resolve(logName));
    try {
      return new NoVncBrowser(node);
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  /** Chromium's version, e.g. {@code "156.0.8078.114"} (as JSON). */
  String version() {
    return version;
  }

  /**
   * Loads the start page at {@code url} (with {@code autoconnect=false&resize=off}), installs the
   * test's census of decoded rectangles and, when {@code encodings} is not null, makes noVNC send
   * exactly that SetEncodings list; then connects through the page.
   */
  String open(String url, List<Integer> encodings) {
    StringBuilder json = new StringBuilder("\"url\":").append(quote(url));
    if (encodings != null) {
      json.append(",\"encodings\":").append(encodings);
    }
    return call("open", json.toString(), CALL_TIMEOUT);
  }

  /** Waits until the page's {@code <html data-state>} is {@code state}. */
  void awaitState(String state, Duration timeout) {
    call("awaitState", "\"state\":" + quote(state) + ",\"timeoutMillis\":" + timeout.toMillis(),
        timeout.plus(CALL_TIMEOUT));
  }

  /** Fills in the page's credentials dialog and sends it; {@code username} may be null. */
  void login(String username, String password) {
    String json = "\"password\":" + quote(password);
    if (username != null) {
      json = "\"username\":" + quote(username) + "," + json;
    }
    call("login", json, CALL_TIMEOUT);
  }

  /** Accepts the server's RSA key in the page's dialog; returns the fingerprint it showed. */
  String approveServer() {
    return unquote(call("approveServer"));
  }

  /** The canvas as Chromium shows it, at actual size. */
  BufferedImage screenshot(Path file) {
    call("screenshot", "\"path\":" + quote(file.toString()), CALL_TIMEOUT);
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new AssertionError("no PNG at " + file);
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Types {@code text} with the canvas focused, as on a keyboard. */
  void type(String text) {
    call("type", "\"text\":" + quote(text), CALL_TIMEOUT);
  }

  /** Clicks the left button at (x, y) of the remote desktop. */
  void click(int x, int y) {
    call("click", "\"x\":" + x + ",\"y\":" + y, CALL_TIMEOUT);
  }

  /** Puts {@code text} into the page's clipboard field and presses Send. */
  void sendClipboard(String text) {
    call("sendClipboard", "\"text\":" + quote(text), CALL_TIMEOUT);
  }

  /** Waits until the page's clipboard field holds {@code text}. */
  void awaitClipboard(String text, Duration timeout) {
    call("awaitClipboard", "\"text\":" + quote(text) + ",\"timeoutMillis\":" + timeout.toMillis(),
        timeout.plus(CALL_TIMEOUT));
  }

  /** The page's state, status line, census ({@code {"7":3}}: rectangles per encoding) as JSON. */
  String info() {
    return call("info");
  }

  /** How many rectangles of {@code encoding} noVNC decoded on this page. */
  int decoded(int encoding) {
    Matcher m = Pattern.compile("\"" + encoding + "\":(\\d+)").matcher(census());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The census part of {@link #info}. */
  String census() {
    String info = info();
    Matcher m = Pattern.compile("\"census\":(\\{[^}]*})").matcher(info);
    return m.find() ? m.group(1) : "{}";
  }

  /** Page errors, console errors, failed requests and HTTP errors so far, as JSON. */
  String problems() {
    return call("problems");
  }

  /** Closes the page (and its WebSocket). */
  void closePage() {
    call("close");
  }

  /** The driver's output, for failure messages. */
  String output() {
    return node.output();
  }

  @Override
  public void close() {
    try {
      node.writeLine("{\"op\":\"quit\"}");
      node.awaitExit(Duration.ofSeconds(15));
    } catch (RuntimeException | AssertionError e) {
      // it is closed below either way
    } finally {
      node.close();
    }
  }

  private String call(String op) {
    return call(op, "", CALL_TIMEOUT);
  }

  /** Sends {@code {"id":N,"op":OP,FIELDS}} and returns the reply's value as JSON text. */
  private String call(String op, String fields, Duration timeout) {
    int id = ids.incrementAndGet();
    node.writeLine("{\"id\":" + id + ",\"op\":" + quote(op) + (fields.isEmpty() ? "" : "," + fields) + "}");
    String line = node.awaitLine(l -> l.startsWith("@@ reply={\"id\":" + id + ","),
        "the reply to " + op + " (" + id + ")", timeout);
    Matcher m = REPLY.matcher(line);
    if (!m.matches()) {
      throw new AssertionError("unreadable reply: " + line);
    }
    if (m.group(2).equals("false")) {
      throw new AssertionError("browser: " + op + " failed: " + m.group(4));
    }
    return m.group(4);
  }

  /** A JSON string. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The text of a JSON string holding no escapes (a fingerprint, a state). */
  static String unquote(String json) {
    if (json.length() < 2 || json.charAt(0) != '"' || json.indexOf('\\') >= 0) {
      throw new AssertionError("not a plain JSON string: " + json);
    }
    return json.substring(1, json.length() - 1);
  }
}
