/**
 * Encoders: a whiteboard {@link org.plugvnc.api.encoding.EncoderFactory} per RFB encoding number,
 * making a per-session {@link org.plugvnc.api.encoding.Encoder} that writes into a buffer. 2.0.0:
 * the engine hands encoders the rectangle's pixels and what its selector found in them, keeps
 * zlib streams for the session in an {@link org.plugvnc.api.encoding.EncoderContext}, and learns
 * from {@link org.plugvnc.api.encoding.Continuity} what survives an encoder's replacement.
 */
@Export
@Version("2.0.0")
package org.plugvnc.api.encoding;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
