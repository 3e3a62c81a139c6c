package org.plugvnc.security.vencrypt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc VeNCrypt security type",
    description = "Security type VeNCrypt (19): TLS with an X.509 certificate, with VNC "
        + "Authentication (X509Vnc) or a user name and password (X509Plain) inside it. Changes "
        + "apply to the next viewer; viewers already connected keep their session.")
@interface VeNCryptConfiguration {

  @AttributeDefinition(
      name = "Subtypes",
      description = "The VeNCrypt subtypes to offer, in the order offered (the viewer usually "
          + "takes the first it knows), by name or number: X509Vnc (261), X509Plain (262), "
          + "X509None (260, TLS but no authentication), Plain (256, password in clear, only with "
          + "allowPlainWithoutTls). A subtype is offered only while what it needs is there: "
          + "X509Plain and Plain a credential verifier service, X509Vnc the VNC Authentication "
          + "type. TLSNone, TLSVnc and TLSPlain (anonymous TLS) are not available; see the README.")
  String[] subtypes() default {"X509Vnc", "X509Plain"};

  @AttributeDefinition(
      name = "Allow Plain without TLS",
      description = "Offer subtype Plain (256), which sends the user name and password in clear "
          + "text, when it is listed in the subtypes. Only for networks that are otherwise "
          + "protected (an SSH tunnel, say).")
  boolean allowPlainWithoutTls() default false;

  @AttributeDefinition(
      name = "PKCS#12 keystore",
      description = "A PKCS#12 file with the server's private key and certificate chain. A "
          + "relative path is taken relative to plugvnc.home. Empty: the PEM files below, or a "
          + "generated self-signed certificate when those are empty too.")
  String keystore() default "";

  @AttributeDefinition(
      name = "Keystore password file",
      description = "A file holding the keystore's password (one line; readable only by its "
          + "owner). Empty: the keystore has an empty password.")
  String keystorePasswordFile() default "";

  @AttributeDefinition(
      name = "Certificate file",
      description = "PEM file with the server's certificate, followed by the chain to its issuer "
          + "if any. Used with the private key file when no keystore is configured.")
  String certificateFile() default "";

  @AttributeDefinition(
      name = "Private key file",
      description = "PEM file with the server's unencrypted private key (PKCS#8 or traditional); "
          + "it must be readable only by its owner.")
  String privateKeyFile() default "";

  @AttributeDefinition(
      name = "TLS protocols",
      description = "TLS versions to accept. Only TLSv1.3 and TLSv1.2 can be enabled; anything "
          + "older is refused even if listed.")
  String[] protocols() default {"TLSv1.3", "TLSv1.2"};

  @AttributeDefinition(
      name = "Maximum credential length",
      description = "The longest user name, and the longest password, in bytes, a viewer may send "
          + "in the Plain subtypes; longer ones end the connection before anything is allocated.")
  int maxCredentialLength() default 1024;
}
