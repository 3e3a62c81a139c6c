package org.plugvnc.api.web;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Files an HTTP listener serves, registered as a whiteboard service (the highest
 * {@code service.ranking} answers first). Thread-safe; called off the I/O threads or on them, so
 * {@link #find} must be quick (an index lookup, never the network).
 */
@ConsumerType
public interface WebContent {

  /**
   * The file at {@code path}: relative, already decoded and normalized by the listener (no empty,
   * {@code .} or {@code ..} segment, no leading slash); the empty path is the start page.
   */
  Optional<WebResource> find(String path);
}
