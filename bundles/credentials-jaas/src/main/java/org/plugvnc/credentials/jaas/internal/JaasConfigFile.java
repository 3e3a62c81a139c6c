package org.plugvnc.credentials.jaas.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.security.auth.login.Configuration;

/**
 * A JAAS login configuration file, for this verifier only: parsed by the JDK's {@code
 * JavaLoginConfig} into a {@link Configuration} object that each login is given, never installed
 * JVM-wide (no {@code java.security.auth.login.config}, no {@link Configuration#setConfiguration}).
 * Parsed again when the file's size, modification time or file key change, so edits apply to the
 * next login. Safe for concurrent calls.
 */
final class JaasConfigFile implements Supplier<Configuration> {

  private record Loaded(Object stamp, Configuration configuration) {}

  private final Path file;
  private volatile Loaded loaded;

  JaasConfigFile(Path file) {
    this.file = file;
  }

  /**
   * The configuration the file holds now.
   *
   * @throws IllegalStateException if the file cannot be read or parsed, saying which and why
   */
  @Override
  public Configuration get() {
    Object stamp;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      stamp = List.of(attributes.size(), attributes.lastModifiedTime(),
          Objects.requireNonNullElse(attributes.fileKey(), ""));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("the JAAS configuration file " + file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JAAS configuration file " + file, e);
    }
    Loaded current = loaded;
    if (current != null && current.stamp().equals(stamp)) {
      return current.configuration();
    }
    try {
      Configuration parsed = Configuration.getInstance("JavaLoginConfig", new URIParameter(file.toUri()));
      loaded = new Loaded(stamp, parsed);
      return parsed;
    } catch (NoSuchAlgorithmException e) {
      // The JDK reports a file it cannot parse this way, with the parser's reason as the cause.
      Throwable reason = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the JAAS configuration file " + file + " cannot be used: "
          + reason.getMessage(), e);
    }
  }

  /** The file read. */
  Path file() {
    return file;
  }
}
