package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedResourcesTest {

  private static final List<String> FILES =
      List.of("bundles/3/b.jar", "bundles/1/z.jar", "bundles/1/a.jar", "etc/x.cfg", "other.txt");

  @TempDir Path temp;

  private Path directory() throws IOException {
    Path root = temp.resolve("classes");
    for (String name : FILES) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "content of " + name);
    }
    return root;
  }

  private Path jar() throws IOException {
    Path jar = temp.resolve("launcher.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("bundles/"));
      out.closeEntry();
      for (String name : FILES) {
        out.putNextEntry(new JarEntry(name));
        out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void listsFilesUnderAPrefixSortedInADirectory() throws IOException {
    EmbeddedResources resources = new EmbeddedResources(directory());

    assertEquals(
        List.of("bundles/1/a.jar", "bundles/1/z.jar", "bundles/3/b.jar"),
        resources.list("bundles/"));
    assertEquals(List.of("etc/x.cfg"), resources.list("etc/"));
    assertEquals(List.of(), resources.list("missing/"));
  }

  @Test
  void listsFilesUnderAPrefixSortedInAJar() throws IOException {
    EmbeddedResources resources = new EmbeddedResources(jar());

    assertEquals(
        List.of("bundles/1/a.jar", "bundles/1/z.jar", "bundles/3/b.jar"),
        resources.list("bundles/"));
    assertEquals(List.of(), resources.list("missing/"));
  }

  @Test
  void readsContentFromBoth() throws IOException {
    byte[] expected = "content of etc/x.cfg".getBytes(StandardCharsets.UTF_8);

    assertArrayEquals(expected, new EmbeddedResources(directory()).read("etc/x.cfg"));
    assertArrayEquals(expected, new EmbeddedResources(jar()).read("etc/x.cfg"));
  }

  @Test
  void readingAMissingResourceFails() throws IOException {
    assertThrows(IOException.class, () -> new EmbeddedResources(jar()).read("etc/none.cfg"));
    assertThrows(IOException.class, () -> new EmbeddedResources(directory()).read("etc/none.cfg"));
  }

  @Test
  void theLauncherFindsItsOwnCodeSource() {
    // In a test the launcher's classes come from target/classes, which the build fills with the
    // example configuration.
    EmbeddedResources resources = EmbeddedResources.ofLauncher();

    assertEquals(true, resources.list("etc/").contains("etc/org.plugvnc.server.cfg"));
  }
}
