package org.plugvnc.webclient.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the start page presets: the values the page's script starts from (query parameters of the
 * page may override them for one page, as in noVNC's own UI). Validated on creation, so the JSON
 * written into the page needs no escaping beyond quotes.
 *
 * @param autoconnect connect as soon as the page has loaded
 * @param resize how the desktop meets the window
 * @param reconnect connect again after an unexpected disconnect
 * @param reconnectDelayMillis how long to wait before that
 * @param path the WebSocket path on the page's own host and port, without a leading slash
 * @param shared ask for a shared desktop
 */
public record ClientSettings(
    boolean autoconnect, Resize resize, boolean reconnect, int reconnectDelayMillis, String path,
    boolean shared) {

  static final String DEFAULT_PATH = "websockify";
  static final int DEFAULT_RECONNECT_DELAY_MILLIS = 2000;

  /** Segments of unreserved URL characters: nothing to escape in a URL, JSON or HTML. */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");
  private static final int MAX_PATH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(ClientSettings.class);

  /** How the remote desktop meets the browser window: noVNC's scaleViewport or resizeSession. */
  public enum Resize {
    SCALE, REMOTE, OFF;

    /** Its name in the configuration and the page, e.g. {@code scale}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The defaults: autoconnect, scale, reconnect after 2 s, path {@code websockify}, shared. */
  public static final ClientSettings DEFAULTS =
      new ClientSettings(true, Resize.SCALE, true, DEFAULT_RECONNECT_DELAY_MILLIS, DEFAULT_PATH, true);

  /**
   * @throws IllegalArgumentException if the path is not a plain relative path of unreserved
   *     characters or the delay is out of range
   */
  public ClientSettings {
    if (resize == null) {
      throw new IllegalArgumentException("resize is null");
    }
    if (!isValidPath(path)) {
      throw new IllegalArgumentException("path '" + path + "' is not segments of letters, digits"
          + " and . _ ~ - separated by /");
    }
    if (reconnectDelayMillis < 100 || reconnectDelayMillis > 600_000) {
      throw new IllegalArgumentException("reconnectDelayMillis " + reconnectDelayMillis
          + " is not within 100..600000");
    }
  }

  /** From the configuration; an invalid value is logged and its default used instead. */
  static ClientSettings from(WebClientConfiguration config) {
    Resize resize = DEFAULTS.resize();
    try {
      resize = Resize.valueOf(config.resize().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      LOG.warn("resize '{}' is not scale, remote or off: using {}", config.resize(), resize.key());
    }
    String path = trimSlashes(config.path());
    if (!isValidPath(path)) {
      LOG.warn("path '{}' is not segments of letters, digits and . _ ~ - separated by /: using {}",
          config.path(), DEFAULT_PATH);
      path = DEFAULT_PATH;
    }
    int delay = config.reconnectDelayMillis();
    if (delay < 100 || delay > 600_000) {
      LOG.warn("reconnectDelayMillis {} is not within 100..600000: using {}", delay,
          DEFAULT_RECONNECT_DELAY_MILLIS);
      delay = DEFAULT_RECONNECT_DELAY_MILLIS;
    }
    return new ClientSettings(config.autoconnect(), resize, config.reconnect(), delay, path,
        config.shared());
  }

  static boolean isValidPath(String path) {
    return path != null && path.length() <= MAX_PATH && PATH.matcher(path).matches()
        && PackedFiles.isPlainRelative(path);
  }

  /** "/websockify/" and "websockify" name the same WebSocket path. */
  private static String trimSlashes(String path) {
    String trimmed = path == null ? "" : path.trim();
    int start = 0;
    int end = trimmed.length();
    while (start < end && trimmed.charAt(start) == '/') {
      start++;
    }
    while (end > start && trimmed.charAt(end - 1) == '/') {
      end--;
    }
    return trimmed.substring(start, end);
  }

  /** The settings as the page's script reads them. */
  String toJson() {
    return "{\"autoconnect\":" + autoconnect
        + ",\"resize\":\"" + resize.key() + "\""
        + ",\"reconnect\":" + reconnect
        + ",\"reconnectDelayMillis\":" + reconnectDelayMillis
        + ",\"path\":\"" + path + "\""
        + ",\"shared\":" + shared
        + "}";
  }
}
