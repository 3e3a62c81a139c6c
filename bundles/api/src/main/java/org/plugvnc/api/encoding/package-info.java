/**
 * Encoders: a whiteboard {@link org.plugvnc.api.encoding.EncoderFactory} per RFB encoding number, making a per-session {@link org.plugvnc.api.encoding.Encoder} that writes into a buffer.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.encoding;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
