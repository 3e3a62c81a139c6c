/**
 * Capture backends: the framebuffer, its damage, cursor and size, and the input sink that receives keys and pointer events.
 */
@Export
@Version("1.1.0")
package org.plugvnc.api.capture;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
