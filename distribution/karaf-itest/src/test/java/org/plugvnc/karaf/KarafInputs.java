package org.plugvnc.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.plugvnc.interop.Interop;

/**
 * What the build hands the Karaf tests (Failsafe system properties, from
 * {@code target/karaf-inputs}), and fresh directories to run them in under {@code target}.
 */
final class KarafInputs {

  private static final String REPOSITORY = "repository/";

  private KarafInputs() {}

  /** Apache Karaf as released: the tar.gz from Maven Central. */
  static Path karaf() {
    return file("karaf.archive");
  }

  /** plugvnc's KAR. */
  static Path kar() {
    return file("plugvnc.kar");
  }

  /** The plugvnc Karaf distribution's tar.gz. */
  static Path distribution() {
    return file("plugvnc.karaf.archive");
  }

  /** plugvnc's version, as in its Maven coordinates. */
  static String version() {
    return System.getProperty("plugvnc.version", "0.1.0-SNAPSHOT");
  }

  /** {@code target/karaf-runs/NAME}, emptied: a test's Karaf, repositories and files. */
  static Path freshRunDirectory(String name) {
    Path directory = Interop.targetDirectory().resolve("karaf-runs").resolve(name);
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> paths = Files.walk(directory)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + directory, e);
    }
  }

  /**
   * Unpacks the KAR's {@code repository/} into {@code directory}: a Maven repository (default
   * layout) with the features XML, every plugvnc bundle and the third-party bundles a Karaf
   * without them needs; what the KAR carries and nothing else.
   *
   * @return {@code directory}
   */
  static Path repositoryFromKar(Path directory) {
    try (ZipInputStream kar = new ZipInputStream(Files.newInputStream(kar()))) {
      for (ZipEntry entry; (entry = kar.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(REPOSITORY) || name.contains("..")) {
          continue;
        }
        Path target = directory.resolve(name.substring(REPOSITORY.length()));
        Files.createDirectories(target.getParent());
        Files.copy(kar, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the repository of " + kar(), e);
    }
  }

  private static Path file(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new AssertionError("system property " + property + " is not set: run the Karaf tests"
          + " through Maven (mvn verify), which sets it");
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError(property + " names " + path + ", which does not exist");
    }
    return path;
  }
}
