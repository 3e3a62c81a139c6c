/**
 * Where plugvnc keeps its files ({@link org.plugvnc.api.files.PlugvncHome}) and how its secrets
 * are written ({@link org.plugvnc.api.files.SecretFiles}): shared by every bundle that keeps a
 * password, key or certificate, so they all follow one rule.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
