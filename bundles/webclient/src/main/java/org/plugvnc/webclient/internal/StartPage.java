package org.plugvnc.webclient.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.plugvnc.api.web.WebResource;

/**
 * The page served at the empty path. With noVNC packed, it is the client page ({@code start.html})
 * with the {@link ClientSettings} written into it as JSON; without noVNC (the bundle was built
 * where npm was missing) it is a page that says so and how to get it ({@code no-novnc.html}).
 *
 * <p>The settings go into the page itself rather than into a file the page fetches, so a page and
 * its settings always come from the same configuration, and its etag changes with them.
 */
final class StartPage {

  /** Replaced by the settings' JSON in {@code start.html}. */
  static final String SETTINGS_MARKER = "@PLUGVNC_SETTINGS@";

  private StartPage() {}

  /** The client page preset with {@code settings}. */
  static WebResource client(ClientSettings settings, Instant modified) {
    String template = template("start.html");
    if (!template.contains(SETTINGS_MARKER)) {
      throw new IllegalStateException("start.html has no " + SETTINGS_MARKER);
    }
    // The JSON sits inside <script>: "<" never appears in it (ClientSettings allows no such
    // character), so it cannot end the element.
    String page = template.replace(SETTINGS_MARKER, settings.toJson());
    return WebResource.of(ContentTypes.HTML, page.getBytes(StandardCharsets.UTF_8), modified);
  }

  /** The page saying that this bundle was built without noVNC. */
  static WebResource noVncMissing(String novncVersion, Instant modified) {
    String page = template("no-novnc.html").replace("@NOVNC_VERSION@", novncVersion);
    return WebResource.of(ContentTypes.HTML, page.getBytes(StandardCharsets.UTF_8), modified);
  }

  private static String template(String name) {
    try (InputStream in = StartPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the bundle lacks its own " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
