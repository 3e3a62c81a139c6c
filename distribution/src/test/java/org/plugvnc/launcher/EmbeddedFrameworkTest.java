package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real Felix (it is on the test class path) with tiny manifest-only bundles. */
class EmbeddedFrameworkTest {

  @TempDir Path temp;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private EmbeddedFramework framework;

  @AfterEach
  void stop() {
    if (framework != null) {
      assertTrue(framework.stop(10_000), "the framework did not stop");
    }
  }

  private void bundle(String resource, String symbolicName, String importPackage) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", symbolicName);
    if (importPackage != null) {
      main.putValue("Import-Package", importPackage);
    }
    Path file = temp.resolve("resources").resolve(resource);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
  }

  private EmbeddedFramework create() throws LaunchException {
    ConsoleLog log = new ConsoleLog(new PrintStream(console, true, StandardCharsets.UTF_8));
    framework = EmbeddedFramework.create(
        Map.of("org.osgi.framework.storage", temp.resolve("cache").toString(),
            "org.osgi.framework.storage.clean", "onFirstInit"),
        log);
    return framework;
  }

  @Test
  void startsEveryBundleLevelByLevel() throws Exception {
    bundle("bundles/1/a.jar", "test.a", null);
    bundle("bundles/2/b.jar", "test.b", "org.osgi.framework");
    EmbeddedResources resources = new EmbeddedResources(temp.resolve("resources"));
    List<Integer> levels = new ArrayList<>();

    create().start(EmbeddedBundle.findAll(resources), resources,
        (level, context) -> levels.add(level));

    // every level up to the final one is raised, even those without bundles
    assertEquals(List.of(1, 2, 3, FrameworkSettings.FINAL_START_LEVEL), levels);
    assertEquals(2, framework.bundleCount());
  }

  @Test
  void anUnresolvableBundleFailsTheStartNamingIt() throws Exception {
    bundle("bundles/1/a.jar", "test.a", null);
    bundle("bundles/3/broken.jar", "test.broken", "no.such.pkg");
    EmbeddedResources resources = new EmbeddedResources(temp.resolve("resources"));

    LaunchException e = assertThrows(LaunchException.class,
        () -> create().start(EmbeddedBundle.findAll(resources), resources, (level, context) -> {}));

    assertTrue(e.getMessage().contains("test.broken"), e.getMessage());
    assertTrue(e.getMessage().contains("no.such.pkg"), e.getMessage());
  }

  @Test
  void aCorruptBundleFailsTheStartNamingIt() throws Exception {
    Path corrupt = temp.resolve("resources/bundles/3/corrupt.jar");
    Files.createDirectories(corrupt.getParent());
    Files.writeString(corrupt, "not a jar");
    EmbeddedResources resources = new EmbeddedResources(temp.resolve("resources"));

    LaunchException e = assertThrows(LaunchException.class,
        () -> create().start(EmbeddedBundle.findAll(resources), resources, (level, context) -> {}));

    assertTrue(e.getMessage().contains("bundles/3/corrupt.jar"), e.getMessage());
  }
}
