package org.plugvnc.webclient.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import org.plugvnc.api.web.WebResource;

/**
 * One file packed into the bundle, known by where to read it: its bytes stay in the bundle (or
 * jar, or directory) and are streamed on every request, so the index costs a few hundred bytes a
 * file whatever the files weigh.
 */
record PackedFile(String contentType, long length, Instant lastModified, String etag, URL url)
    implements WebResource {

  @Override
  public InputStream open() throws IOException {
    return url.openStream();
  }
}
