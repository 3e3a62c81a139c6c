package org.plugvnc.webclient.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web client's files for the HTTP listener: noVNC's library as packed from npm (under its
 * own paths, {@code core/rfb.js}, {@code vendor/pako/...}, its licences), the page's own script
 * and style under {@code plugvnc/}, and the start page at the empty path, preset from the
 * configuration PID {@code org.plugvnc.webclient} (changes apply to pages loaded afterwards).
 *
 * <p>The index is built once, at activation; {@link #find} is a map lookup and a volatile read,
 * cheap enough for the listener's I/O threads. This component holds no sessions and no sockets:
 * stopping its bundle takes the web client away and touches nothing else (a browser already
 * connected keeps its WebSocket, which belongs to the transport).
 */
@Component(service = WebContent.class, configurationPid = "org.plugvnc.webclient")
@Designate(ocd = WebClientConfiguration.class)
public final class WebClientContent implements WebContent {

  /** The noVNC release the build packs; kept in step with the pom's novnc.version by a test. */
  static final String NOVNC_VERSION = "1.7.0";

  /** noVNC's entry point: without it the packed files are not noVNC. */
  static final String RFB_MODULE = "core/rfb.js";

  /** Paths that all answer with the start page ("vnc.html" for those used to noVNC's own). */
  private static final Set<String> START_PATHS = Set.of("", "index.html", "vnc.html");

  private static final Logger LOG = LoggerFactory.getLogger(WebClientContent.class);

  private final PackedFiles files;
  private final boolean novncPresent;
  private volatile WebResource startPage;

  /** Indexes this bundle's packed files and presets the start page from {@code config}. */
  @Activate
  public WebClientContent(BundleContext context, WebClientConfiguration config) {
    this(PackedFiles.fromBundle(context.getBundle(), "novnc", "")
            .with(PackedFiles.fromBundle(context.getBundle(), "webclient", "plugvnc/")),
        ClientSettings.from(config));
  }

  /**
   * Serves {@code files} (noVNC at its own paths and the page's files under {@code plugvnc/});
   * for tests and plain Java use.
   */
  public WebClientContent(PackedFiles files, ClientSettings settings) {
    this.files = files;
    this.novncPresent = files.contains(RFB_MODULE);
    if (novncPresent) {
      LOG.info("web client: noVNC and the page, {} files ({} KB), connecting to path '{}'",
          files.size(), files.totalBytes() / 1024, settings.path());
    } else {
      LOG.warn("web client: this bundle was built without noVNC (npm was missing or failed at"
          + " build time); its start page says so. Install npm and rebuild to get noVNC {}",
          NOVNC_VERSION);
    }
    this.startPage = startPage(settings);
  }

  /** The configuration changed: pages loaded from now on carry the new settings. */
  @Modified
  void modified(WebClientConfiguration config) {
    startPage = startPage(ClientSettings.from(config));
  }

  private WebResource startPage(ClientSettings settings) {
    return novncPresent
        ? StartPage.client(settings, Instant.now())
        : StartPage.noVncMissing(NOVNC_VERSION, Instant.now());
  }

  /** The start page for the empty path (and index.html, vnc.html), else the packed file at {@code path}. */
  @Override
  public Optional<WebResource> find(String path) {
    if (START_PATHS.contains(path)) {
      return Optional.of(startPage);
    }
    return files.find(path);
  }

  /** Whether noVNC was packed into this bundle. */
  public boolean novncPresent() {
    return novncPresent;
  }
}
