package org.plugvnc.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/** One file of {@link WebContent}. */
@ConsumerType
public interface WebResource {

  /** Its media type with its charset where one applies, e.g. {@code text/html; charset=utf-8}. */
  String contentType();

  /** Its length in bytes. */
  long length();

  /** When it last changed, for {@code Last-Modified}. */
  Instant lastModified();

  /** A validator that changes whenever its bytes do, without quotes. */
  String etag();

  /** Its bytes, from the start; the caller closes the stream. */
  InputStream open() throws IOException;

  /** A resource held in memory. */
  static WebResource of(String contentType, byte[] bytes, Instant lastModified) {
    Objects.requireNonNull(contentType, "contentType");
    byte[] copy = bytes.clone();
    String etag = Integer.toHexString(java.util.Arrays.hashCode(copy)) + "-" + copy.length;
    return new WebResource() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long length() {
        return copy.length;
      }

      @Override
      public Instant lastModified() {
        return lastModified;
      }

      @Override
      public String etag() {
        return etag;
      }

      @Override
      public InputStream open() {
        return new java.io.ByteArrayInputStream(copy);
      }
    };
  }
}
