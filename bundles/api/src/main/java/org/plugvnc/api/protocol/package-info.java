/**
 * Wire numbers of the RFB protocol (RFC 6143 and the community rfbproto specification).
 */
@Export
@Version("1.2.0")
package org.plugvnc.api.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
