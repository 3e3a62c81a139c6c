package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request targets to WebContent paths: decoded once, refused rather than repaired. */
class WebPathsTest {

  @ParameterizedTest(name = "{0} -> ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "/|''",
      "/?x=1|''",
      "/vnc.html|vnc.html",
      "/vnc.html?autoconnect=true&path=websockify|vnc.html",
      "/app/ui.js#top|app/ui.js",
      "/app/images/icons/novnc-16x16.png|app/images/icons/novnc-16x16.png",
      "/a%20b.txt|a b.txt",
      "/%C3%A4.txt|ä.txt",
      "/%252e%252e/secret|%2e%2e/secret",
      "/..a/b..|..a/b..",
  })
  void acceptedTargets(String target, String path) throws Exception {
    assertEquals(path, WebPaths.normalize(target));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/../etc/passwd|400",
      "/app/../../etc/passwd|400",
      "/%2e%2e/etc/passwd|400",
      "/%2E%2E%2Fetc|400",
      "/app/%2e/ui.js|400",
      "/./vnc.html|400",
      "/..|400",
      "/app%2fui.js|400",
      "/app%5cui.js|400",
      "/app\\ui.js|400",
      "/vnc.html%00.png|400",
      "/a%0d%0aSet-Cookie:x|400",
      "/%zz|400",
      "/%4|400",
      "/%C3|400",
      "/%FF%FE|400",
      "http://evil.test/vnc.html|400",
      "*|400",
      "//etc/passwd|404",
      "/app//ui.js|404",
      "/app/|404",
  })
  void refusedTargets(String target, int status) {
    WebPaths.Refused r = assertThrows(WebPaths.Refused.class, () -> WebPaths.normalize(target));
    assertEquals(status, r.status, r.getMessage());
  }
}
