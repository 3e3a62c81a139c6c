/**
 * Security types: a whiteboard {@link org.plugvnc.api.security.SecurityTypeFactory} per RFB security-type number, making a per-session non-blocking handshake; password stores apart from it.
 */
@Export
@Version("1.4.0")
package org.plugvnc.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
