/**
 * Application displays: a surface a bundle paints with Java2D, registered as a {@link
 * org.plugvnc.api.display.Display} service, which the engine turns into a desktop viewers connect
 * to, with no screen at all. The engine owns the pixels; the display paints the areas it is told
 * to and hears the viewers' keys, pointer and clipboard.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.display;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
