/**
 * Seeing and managing a running server: the {@link org.plugvnc.api.management.VncManagement}
 * service the engine registers (desktops, sessions, plug-ins in use, disconnecting, switching a
 * desktop's backend), and the {@link org.plugvnc.api.management.SessionListener} whiteboard through
 * which the engine reports connections, authentications and disconnections. The console commands,
 * the JMX MBeans and the EventAdmin events are adapters over these; any bundle may use them.
 */
@Export
@Version("1.1.0")
package org.plugvnc.api.management;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
