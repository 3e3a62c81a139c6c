package org.plugvnc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files the launcher carries with it (bundles, example configuration), found by listing its
 * own code source: the plugvnc jar when run with {@code java -jar}, or a classes directory when
 * run from a build tree or a test. Listing, rather than a hand-kept index, means that adding a
 * bundle to the build is all it takes to ship it.
 */
final class EmbeddedResources {

  private final Path root;

  /** @param root a jar file or a directory whose entries are named with '/' separators */
  EmbeddedResources(Path root) {
    this.root = root;
  }

  /**
   * The resources of the launcher's own code source.
   *
   * @throws IllegalStateException when the code source is not a local file or directory
   */
  static EmbeddedResources ofLauncher() {
    CodeSource source = EmbeddedResources.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where the launcher was loaded from");
    }
    try {
      return new EmbeddedResources(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("the launcher is not a local file: " + source.getLocation(), e);
    }
  }

  Path root() {
    return root;
  }

  /**
   * The names of the regular files below {@code prefix} (which ends with '/'), at any depth,
   * sorted, e.g. {@code bundles/1/slf4j-api.jar}.
   *
   * @throws UncheckedIOException when the jar or directory cannot be read
   */
  List<String> list(String prefix) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        listDirectory(prefix, names);
      } else {
        listJar(prefix, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix + " in " + root, e);
    }
    Collections.sort(names);
    return names;
  }

  private void listDirectory(String prefix, List<String> names) throws IOException {
    Path dir = root.resolve(prefix);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"))
          .forEach(names::add);
    }
  }

  private void listJar(String prefix, List<String> names) throws IOException {
    try (JarFile jar = new JarFile(root.toFile())) {
      jar.stream()
          .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
          .map(JarEntry::getName)
          .forEach(names::add);
    }
  }

  /**
   * Reads one resource fully. Bundles are a few MB at most, so holding one in memory while the
   * framework copies it into its cache is cheaper than keeping the jar open.
   *
   * @throws IOException when it is missing or unreadable
   */
  byte[] read(String name) throws IOException {
    if (Files.isDirectory(root)) {
      return Files.readAllBytes(root.resolve(name));
    }
    try (JarFile jar = new JarFile(root.toFile())) {
      JarEntry entry = jar.getJarEntry(name);
      if (entry == null) {
        throw new IOException(name + " is not in " + root);
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }
}
