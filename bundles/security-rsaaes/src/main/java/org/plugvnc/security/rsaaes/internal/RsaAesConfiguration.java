package org.plugvnc.security.rsaaes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the RSA-AES security types (PID {@value RsaAesComponent#PID}). */
@ObjectClassDefinition(
    name = "plugvnc RSA-AES security types",
    description = "RA2 (5), RA2ne (6), RA2_256 (129) and RA2ne_256 (130): the server's RSA key and "
        + "how viewers authenticate. A change re-registers the four types; connections already "
        + "past their handshake stay.")
@interface RsaAesConfiguration {

  @AttributeDefinition(name = "Key file",
      description = "The server's RSA private key, PKCS#8 PEM, relative to the plugvnc home. "
          + "Generated owner-only when missing.")
  String keyFile() default "data/rsaaes-key.pem";

  @AttributeDefinition(name = "Key length",
      description = "Bits of a key generated when the key file is missing: 2048 to 8192. "
          + "An existing file keeps its length.")
  int keyLength() default 2048;

  @AttributeDefinition(name = "Credentials",
      description = "password (the default): password only, checked against the VNC password "
          + "store, as TigerVNC's server does; users: user name and password, checked by the "
          + "credential service (users file, JAAS); auto: users while a credential service is "
          + "registered, else password.",
      options = {
          @Option(label = "auto", value = "auto"),
          @Option(label = "users", value = "users"),
          @Option(label = "password", value = "password")})
  String credentials() default "password";
}
