/**
 * Value types: pixel formats, rectangles, points and regions of a framebuffer.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.pixel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
