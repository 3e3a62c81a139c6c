package org.plugvnc.webclient.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The media type of a served file, from its name. A browser loading ES modules insists on a
 * JavaScript type for every {@code .js} file, and with {@code X-Content-Type-Options: nosniff} it
 * trusts no guess, so every type noVNC (and the start page) uses is listed here rather than left to
 * the JDK's table, which differs between JDKs and knows neither {@code .mjs} nor {@code .woff2}.
 */
final class ContentTypes {

  /** Anything not listed: the browser downloads it rather than rendering it. */
  static final String UNKNOWN = "application/octet-stream";

  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", HTML),
      Map.entry("htm", HTML),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("oga", "audio/ogg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("txt", TEXT),
      Map.entry("md", "text/markdown; charset=utf-8"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("woff", "font/woff"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("xml", "application/xml"),
      Map.entry("webmanifest", "application/manifest+json"));

  private ContentTypes() {}

  /**
   * The type of the file at {@code path} (a relative path with {@code /} separators). Licence and
   * notice files without a usable extension ({@code AUTHORS}, {@code LICENSE.MPL-2.0}) are plain
   * text, so that a browser shows them.
   */
  static String of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type != null) {
      return type;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.startsWith("LICENSE") || upper.startsWith("LICENCE") || upper.startsWith("COPYING")
        || upper.equals("AUTHORS") || upper.equals("VERSION") || upper.startsWith("README")) {
      return TEXT;
    }
    return UNKNOWN;
  }
}
