package org.plugvnc.webclient.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.plugvnc.api.web.WebResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable index of packed files by relative path, built once: each file is read once to
 * learn its length and a SHA-256 etag, then only its {@link URL} is kept (see {@link PackedFile}).
 *
 * <p>Lookups are exact matches against the paths found when the index was built, so no request
 * path, however it is spelled ({@code ../}, a leading {@code /}, a backslash), can reach a file
 * outside it. Paths that are not plain relative paths are never indexed in the first place.
 */
public final class PackedFiles {

  /** A packed file longer than this is left out: noVNC's largest is about 100 KB. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(PackedFiles.class);

  private final Map<String, PackedFile> files;

  private PackedFiles(Map<String, PackedFile> files) {
    this.files = Map.copyOf(files);
  }

  /** No files. */
  public static PackedFiles empty() {
    return new PackedFiles(Map.of());
  }

  /**
   * The entries of {@code bundle} under the folder {@code root}, served under {@code prefix}
   * (empty, or ending with {@code /}). Reads each entry once, on the calling thread.
   */
  public static PackedFiles fromBundle(Bundle bundle, String root, String prefix) {
    Builder builder = new Builder(prefix);
    Instant modified = Instant.ofEpochMilli(bundle.getLastModified());
    Enumeration<URL> entries = bundle.findEntries(root, "*", true);
    String start = "/" + root + "/";
    for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
      String path = url.getPath();
      if (!path.endsWith("/") && path.startsWith(start)) {
        builder.add(path.substring(start.length()), url, modified);
      }
    }
    return builder.build();
  }

  /** The regular files under {@code directory} (none when it does not exist), under {@code prefix}. */
  public static PackedFiles fromDirectory(Path directory, String prefix) {
    Builder builder = new Builder(prefix);
    if (!Files.isDirectory(directory)) {
      return builder.build();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        builder.add(relative, file.toUri().toURL(), Files.getLastModifiedTime(file).toInstant());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + directory, e);
    }
    return builder.build();
  }

  /** The entries of the jar {@code jar} under the folder {@code root}, under {@code prefix}. */
  public static PackedFiles fromJar(Path jar, String root, String prefix) {
    Builder builder = new Builder(prefix);
    String start = root + "/";
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (!entry.isDirectory() && entry.getName().startsWith(start)) {
          URL url = new URL("jar:" + jar.toUri() + "!/" + entry.getName());
          builder.add(entry.getName().substring(start.length()), url,
              entry.getLastModifiedTime() == null ? Instant.EPOCH : entry.getLastModifiedTime().toInstant());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + jar, e);
    }
    return builder.build();
  }

  /** These files and {@code other}'s; where both have a path, {@code other}'s. */
  public PackedFiles with(PackedFiles other) {
    Map<String, PackedFile> merged = new HashMap<>(files);
    merged.putAll(other.files);
    return new PackedFiles(merged);
  }

  /** The file at exactly {@code path}, or empty. Never touches the file: an index lookup. */
  public Optional<WebResource> find(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public boolean contains(String path) {
    return files.containsKey(path);
  }

  public int size() {
    return files.size();
  }

  /** The bytes of all files together. */
  public long totalBytes() {
    return files.values().stream().mapToLong(PackedFile::length).sum();
  }

  /**
   * Whether {@code path} is a plain relative path: no empty, {@code .} or {@code ..} segment, no
   * backslash, no leading slash. Request paths reach the index already normalised by the HTTP
   * listener; this keeps odd entry names of a packed archive out of it as well.
   */
  static boolean isPlainRelative(String path) {
    if (path.isEmpty() || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static final class Builder {
    private final String prefix;
    private final Map<String, PackedFile> files = new HashMap<>();

    Builder(String prefix) {
      this.prefix = prefix;
    }

    void add(String relative, URL url, Instant modified) {
      String path = prefix + relative;
      if (!isPlainRelative(path)) {
        LOG.warn("packed file '{}' left out: not a plain relative path", path);
        return;
      }
      try (InputStream in = url.openStream()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[16384];
        long length = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
          length += n;
          if (length > MAX_FILE_BYTES) {
            LOG.warn("packed file '{}' left out: longer than {} bytes", path, MAX_FILE_BYTES);
            return;
          }
          sha.update(buffer, 0, n);
        }
        String etag = HexFormat.of().formatHex(sha.digest(), 0, 16);
        files.put(path, new PackedFile(ContentTypes.of(path), length, modified, etag, url));
      } catch (IOException e) {
        LOG.warn("packed file '{}' left out: cannot read {}", path, url, e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    PackedFiles build() {
      return new PackedFiles(files);
    }
  }
}
