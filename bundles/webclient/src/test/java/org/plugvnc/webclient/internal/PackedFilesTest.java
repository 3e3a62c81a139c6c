package org.plugvnc.webclient.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.api.web.WebResource;

class PackedFilesTest {

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void indexesEveryFileWithItsLengthTypeAndBytes() throws IOException {
    write("root/core/rfb.js", "export default class RFB {}\n");
    write("root/core/util/logging.js", "export function Debug() {}\n");
    write("root/LICENSE.txt", "MPL-2.0\n");
    write("outside.js", "secret\n");

    PackedFiles files = PackedFiles.fromDirectory(dir.resolve("root"), "");

    assertEquals(3, files.size());
    WebResource rfb = files.find("core/rfb.js").orElseThrow();
    assertEquals("text/javascript; charset=utf-8", rfb.contentType());
    assertEquals(28, rfb.length());
    try (InputStream in = rfb.open()) {
      assertEquals("export default class RFB {}\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals("text/plain; charset=utf-8", files.find("LICENSE.txt").orElseThrow().contentType());
    assertTrue(files.find("core/util/logging.js").isPresent());
    assertEquals(28 + 27 + 8, files.totalBytes());
  }

  @Test
  void etagFollowsTheBytes() throws IOException {
    write("a/same1.js", "one");
    write("a/same2.js", "one");
    write("a/other.js", "two");

    PackedFiles files = PackedFiles.fromDirectory(dir.resolve("a"), "");

    String same1 = files.find("same1.js").orElseThrow().etag();
    assertEquals(same1, files.find("same2.js").orElseThrow().etag());
    assertNotEquals(same1, files.find("other.js").orElseThrow().etag());
    assertTrue(same1.matches("[0-9a-f]{32}"), same1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../outside.js", "core/../../outside.js", "/core/rfb.js", "core//rfb.js", "./core/rfb.js",
      "core\\rfb.js", "core/rfb.js/", "CORE/RFB.JS", "core/rfb.js%00", "core", "core/"})
  void onlyExactIndexedPathsAreFound(String path) throws IOException {
    write("root/core/rfb.js", "x");
    write("outside.js", "secret");

    PackedFiles files = PackedFiles.fromDirectory(dir.resolve("root"), "");

    assertFalse(files.find(path).isPresent(), path);
    assertTrue(files.find("core/rfb.js").isPresent());
  }

  @Test
  void prefixPutsFilesUnderAFolder() throws IOException {
    write("page/client.js", "x");

    PackedFiles files = PackedFiles.fromDirectory(dir.resolve("page"), "plugvnc/");

    assertTrue(files.find("plugvnc/client.js").isPresent());
    assertFalse(files.find("client.js").isPresent());
  }

  @Test
  void missingDirectoryIsEmpty() {
    PackedFiles files = PackedFiles.fromDirectory(dir.resolve("absent"), "");

    assertEquals(0, files.size());
    assertFalse(files.contains("core/rfb.js"));
  }

  @Test
  void jarEntriesWithOddNamesAreNeverIndexed() throws IOException {
    Path jar = dir.resolve("b.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "novnc/core/rfb.js", "rfb");
      put(out, "novnc/../evil.js", "evil");
      put(out, "novnc/core//double.js", "double");
      put(out, "novnc/core/./dot.js", "dot");
      put(out, "other/x.js", "other");
    }

    PackedFiles files = PackedFiles.fromJar(jar, "novnc", "");

    assertEquals(1, files.size());
    try (InputStream in = files.find("core/rfb.js").orElseThrow().open()) {
      assertArrayEquals("rfb".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
    }
  }

  @Test
  void laterFilesWinWhenMerged() throws IOException {
    write("one/a.js", "first");
    write("two/a.js", "second!");

    PackedFiles merged = PackedFiles.fromDirectory(dir.resolve("one"), "")
        .with(PackedFiles.fromDirectory(dir.resolve("two"), ""));

    assertEquals(7, merged.find("a.js").orElseThrow().length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/", "/a", "a//b", "a/./b", "a/../b", "..", "a\\b"})
  void oddPathsAreNotPlainRelative(String path) {
    assertFalse(PackedFiles.isPlainRelative(path), path);
  }

  private static void put(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
