/**
 * A login module for the in-framework JAAS test, exported so that the JAAS credentials bundle
 * loads it through its dynamic import, as it would a realm's module from another bundle.
 */
@Export
@Version("1.0.0")
package org.plugvnc.itest.jaas;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
