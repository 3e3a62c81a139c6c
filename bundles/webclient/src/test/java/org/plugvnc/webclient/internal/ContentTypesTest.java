package org.plugvnc.webclient.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "vnc.html|text/html; charset=utf-8",
      "core/rfb.js|text/javascript; charset=utf-8",
      "app/module.MJS|text/javascript; charset=utf-8",
      "app/styles/base.css|text/css; charset=utf-8",
      "defaults.json|application/json",
      "app/images/icons/novnc.svg|image/svg+xml",
      "app/images/icons/novnc-192x192.png|image/png",
      "app/images/icons/favicon.ico|image/x-icon",
      "app/sounds/bell.oga|audio/ogg",
      "app/sounds/bell.ogg|audio/ogg",
      "app/sounds/bell.mp3|audio/mpeg",
      "docs/notes.txt|text/plain; charset=utf-8",
      "fonts/a.woff2|font/woff2",
      "fonts/a.woff|font/woff",
      "LICENSE.txt|text/plain; charset=utf-8",
      "docs/LICENSE.MPL-2.0|text/plain; charset=utf-8",
      "vendor/pako/LICENSE|text/plain; charset=utf-8",
      "AUTHORS|text/plain; charset=utf-8",
      "data.bin|application/octet-stream",
      "Makefile|application/octet-stream",
      "dir.html/file|application/octet-stream",
  })
  void typeFollowsTheFileName(String path, String expected) {
    assertEquals(expected, ContentTypes.of(path));
  }
}
