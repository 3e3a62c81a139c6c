/**
 * The shared clipboard between viewers and the desktop.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.clipboard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
