/**
 * Web content served next to the WebSocket transport: a bundle (the built-in web client)
 * registers {@link org.plugvnc.api.web.WebContent} as a whiteboard service, and the HTTP listener
 * serves its files to plain GET and HEAD requests.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
