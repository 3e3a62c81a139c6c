package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * noVNC 1.7 in headless Chromium, through plugvnc's own web client page served by the server's
 * built-in web listener, against the built jar on the virtual desktop's test pattern: every
 * picture is a screenshot of the page's canvas at actual size (device scale 1, sRGB) compared
 * with the pattern pixel for pixel, exactly.
 *
 * <p>It checks VNC Authentication through the page's password dialog; typing and clicking in the
 * page, seen in the browser and by a second, native viewer (the project's client); the clipboard
 * both ways; each encoding noVNC decodes, forced by replacing what the page's RFB object sends as
 * SetEncodings (in the test only), with the census of what noVNC decoded and the server's
 * management view (JMX) of what it sent; RA2ne with the server's key approved in the page; and
 * the page over https and wss with Chromium trusting exactly the certificate VeNCrypt generated.
 *
 * <p>One browser for the whole class and one server per configuration, all started at once: the
 * main one (VNC Authentication, https), one whose band scrolls (CopyRect; security None) and one
 * offering RA2ne alone. Each page opens once the page before it has left, so that it finds the
 * desktop started afresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoVncIT {

  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final int SCROLL_STEPS = 10;
  private static final int SCROLL_ROWS = 8;

  @TempDir static Path homes;

  private final List<AutoCloseable> servers = new ArrayList<>();
  private WebDesktop main;
  private WebDesktop scrolling;
  private WebDesktop rsa;
  private NoVncBrowser browser;
  private long testStart;

  /**
   * Starts the three servers, then the browser, which must know the main server's certificate.
   * One after the other: a server takes about 10 s to start here (a first start generates an RSA
   * key and a certificate), and on two cores three at once (43 s) took longer than three in turn (22 to 37 s). Each
   * configuration that can share a server does.
   */
  @BeforeAll
  void startServersAndBrowser() {
    Browser.require();
    long start = System.nanoTime();
    main = start("main", "VncAuth", true, UnaryOperator.identity());
    scrolling = start("scrolling", "None", false,
        b -> b.config("org.plugvnc.capture.virtual", "scrollSteps", Integer.toString(SCROLL_STEPS))
            .config("org.plugvnc.capture.virtual", "scrollPixels", Integer.toString(SCROLL_ROWS)));
    rsa = start("rsa", "RA2ne", false, UnaryOperator.identity());
    long serversStarted = System.nanoTime();
    browser = NoVncBrowser.start(main.certificateSpki(), "novnc-browser.log");
    System.out.printf("NoVncIT: servers started in %d ms, Chromium %s in %d ms%n",
        (serversStarted - start) / 1_000_000, browser.version(),
        (System.nanoTime() - serversStarted) / 1_000_000);
  }

  private WebDesktop start(String name, String securityTypes, boolean https,
      UnaryOperator<PlugvncServer.Builder> more) {
    WebDesktop desktop = WebDesktop.start(homes.resolve(name), securityTypes, https, more,
        "novnc-" + name + "-server.log");
    servers.add(desktop);
    return desktop;
  }

  @AfterAll
  void stopEverything() throws Exception {
    long start = System.nanoTime();
    if (browser != null) {
      browser.close();
    }
    // Each server is given time to stop politely; in parallel, that time is paid once.
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (AutoCloseable server : servers) {
      stops.add(CompletableFuture.runAsync(() -> {
        try {
          server.close();
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }));
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    System.out.printf("NoVncIT: browser and servers stopped in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  @BeforeEach
  void startClock() {
    testStart = System.nanoTime();
  }

  @AfterEach
  void reportTime(TestInfo info) {
    System.out.printf("NoVncIT %s: %d ms%n", info.getDisplayName(),
        (System.nanoTime() - testStart) / 1_000_000);
  }

  @Test
  void vncAuthenticationThroughThePageShowsTheTestPatternExactly() throws IOException {
    openMain(false);

    BufferedImage picture = awaitPicture(main, "novnc-vncauth");
    assertEquals(WebDesktop.WIDTH, picture.getWidth());
    assertTrue(browser.census().matches("\\{\"-?\\d+\":\\d+.*"), "noVNC decoded nothing: " + browser.info());
    assertEquals("{\"pageErrors\":[],\"consoleErrors\":[],\"failedRequests\":[],\"httpErrors\":[]}",
        browser.problems());
    assertTrue(main.server.output().contains("authenticated (VncAuth, vnc-password)"), main.server.output());
  }

  @Test
  void typingAndClickingInThePageChangeTheDesktopForTheBrowserAndANativeViewer() throws IOException {
    openMain(false);
    awaitPicture(main, "novnc-input-before");
    try (RfbClient viewer = nativeViewer(main)) {
      browser.type("a");
      main.keyPressed('a');
      browser.click(100, 50);
      main.clicked(100, 50);

      awaitPicture(main, "novnc-input-browser");
      main.awaitPictureIn(viewer, PICTURE_TIMEOUT);
    }
  }

  @Test
  void clipboardTextTravelsFromThePageToTheServerAndBack() throws IOException {
    openMain(false);
    awaitPicture(main, "novnc-clipboard");
    try (RfbClient viewer = nativeViewer(main)) {
      String fromPage = "from Chromium: caf\u00e9 " + System.nanoTime();
      browser.sendClipboard(fromPage);
      assertEquals(fromPage, awaitServerCutText(viewer, fromPage), "the native viewer's ServerCutText");

      String fromServer = "from the native viewer: na\u00efve " + System.nanoTime();
      viewer.clientCutText(fromServer);
      browser.awaitClipboard(fromServer, PICTURE_TIMEOUT);
    }
  }

  /**
   * Each encoding noVNC decodes, alone in SetEncodings (CopyRect with Raw, which carries the
   * pixels): the picture is exact, then a key typed in the page paints a solid block (what RRE
   * carries: a gradient goes as Raw to a viewer that listed RRE alone) and that is exact too.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"Raw,0,q", "RRE,2,w", "Hextile,5,e", "Zlib,6,r", "Tight,7,t", "TightPNG,-260,y",
      "ZRLE,16,u"})
  void eachEncodingNoVncDecodesIsExact(String name, int encoding, char key) throws IOException {
    open(main, false, List.of(encoding));
    browser.login(null, main.generatedPassword());
    browser.awaitState("connected", CONNECT_TIMEOUT);
    awaitPicture(main, "novnc-enc-" + name);
    browser.type(String.valueOf(key));
    main.keyPressed(key); // a Latin-1 character's keysym is its code
    awaitPicture(main, "novnc-enc-" + name + "-key");

    assertEncodingUsed(main, name, encoding);
  }

  @Test
  void aScrollingBandArrivesAsCopyRectAndEndsExact() throws IOException {
    open(scrolling, false, List.of(RfbNumbers.ENCODING_COPY_RECT, RfbNumbers.ENCODING_RAW));
    scrolling.desktop = TestPattern.scrolled(WebDesktop.WIDTH, WebDesktop.HEIGHT, SCROLL_STEPS, SCROLL_ROWS);
    browser.awaitState("connected", CONNECT_TIMEOUT);
    awaitPicture(scrolling, "novnc-enc-CopyRect");

    assertEncodingUsed(scrolling, "CopyRect", RfbNumbers.ENCODING_COPY_RECT);
  }

  @Test
  void ra2neWithTheServersKeyApprovedInThePageIsExact() throws IOException {
    open(rsa, false, null);
    String shown = browser.approveServer();
    assertEquals(rsa.rsaFingerprint(), shown, "the page shows the fingerprint the server printed");
    browser.login(null, rsa.generatedPassword());
    browser.awaitState("connected", CONNECT_TIMEOUT);

    awaitPicture(rsa, "novnc-ra2ne");
    assertTrue(browser.info().contains("\"state\":\"connected\""), browser.info());
  }

  @Test
  void httpsAndWssWithTheGeneratedCertificateTrustedAreExact() throws IOException {
    openMain(true);

    awaitPicture(main, "novnc-wss");
    assertTrue(browser.info().contains("\"protocol\":\"https:\""), browser.info());
    assertEquals("{\"pageErrors\":[],\"consoleErrors\":[],\"failedRequests\":[],\"httpErrors\":[]}",
        browser.problems());
  }

  /**
   * Opens {@code desktop}'s page once the previous page's session has gone, so that the page
   * finds the virtual desktop started afresh (see {@link WebDesktop#awaitNoViewers}).
   */
  private void open(WebDesktop desktop, boolean https, List<Integer> encodings) throws IOException {
    browser.closePage();
    desktop.awaitNoViewers();
    browser.open(desktop.url(https), encodings);
  }

  /** The main server's page, logged in with the generated password through the dialog. */
  private void openMain(boolean https) throws IOException {
    open(main, https, null);
    browser.login(null, main.generatedPassword());
    browser.awaitState("connected", CONNECT_TIMEOUT);
  }

  private RfbClient nativeViewer(WebDesktop desktop) throws IOException {
    return RfbClient.builder().host("127.0.0.1").port(desktop.server.port())
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(desktop.generatedPassword())
        .shared(true).readTimeout(PICTURE_TIMEOUT).connect();
  }

  /** Takes screenshots of the canvas until one equals the desktop exactly. */
  private BufferedImage awaitPicture(WebDesktop desktop, String name) {
    Path file = Interop.artefacts().resolve(name + ".png");
    long deadline = System.nanoTime() + PICTURE_TIMEOUT.toNanos();
    while (true) {
      BufferedImage picture = browser.screenshot(file);
      ImageComparison.Result result = desktop.compare(picture);
      if (result.exact()) {
        return picture;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the canvas (" + picture.getWidth() + "x" + picture.getHeight()
            + ") did not show the expected picture within " + PICTURE_TIMEOUT.toSeconds() + " s: "
            + result + "; screenshot " + file + ", expected " + ImageComparison.savePng(desktop.desktop,
                Interop.artefacts().resolve(name + "-expected.png"))
            + "; page " + browser.info() + "\n--- server output:\n" + desktop.server.output());
      }
      sleep(100);
    }
  }

  private static String awaitServerCutText(RfbClient viewer, String text) throws IOException {
    long deadline = System.nanoTime() + PICTURE_TIMEOUT.toNanos();
    while (!text.equals(viewer.lastServerCutText()) && System.nanoTime() < deadline) {
      viewer.poll(Duration.ofMillis(200));
    }
    return viewer.lastServerCutText();
  }

  /** noVNC decoded rectangles of {@code encoding}, and the server says it sent some. */
  private void assertEncodingUsed(WebDesktop desktop, String name, int encoding) throws IOException {
    String census = browser.census();
    assertTrue(browser.decoded(encoding) > 0, "noVNC decoded no " + name + ": " + census);
    // The newest session is the page's: the one before may not be gone yet.
    List<JmxSessions.Session> sessions = desktop.sessions();
    assertTrue(!sessions.isEmpty(), "no session in the management view");
    Long sent = sessions.get(sessions.size() - 1).encodingsUsed().get(name);
    assertTrue(sent != null && sent > 0, "the server sent no " + name + ": " + sessions
        + "; noVNC decoded " + census);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
