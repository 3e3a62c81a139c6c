package org.plugvnc.security.vencrypt.internal;

import java.lang.annotation.Annotation;

/** A {@link VeNCryptConfiguration} as DS would pass it, for constructing the factory directly. */
record TestConfig(String[] subtypes, boolean allowPlainWithoutTls, String keystore, String keystorePasswordFile,
    String certificateFile, String privateKeyFile, String[] protocols, int maxCredentialLength)
    implements VeNCryptConfiguration {

  /** The defaults of {@link VeNCryptConfiguration}. */
  static final TestConfig DEFAULTS = new TestConfig(new String[] {"X509Vnc", "X509Plain"}, false, "", "", "", "",
      new String[] {"TLSv1.3", "TLSv1.2"}, 1024);

  TestConfig withSubtypes(String... s) {
    return new TestConfig(s, allowPlainWithoutTls, keystore, keystorePasswordFile, certificateFile,
        privateKeyFile, protocols, maxCredentialLength);
  }

  TestConfig allowingPlain() {
    return new TestConfig(subtypes, true, keystore, keystorePasswordFile, certificateFile, privateKeyFile,
        protocols, maxCredentialLength);
  }

  TestConfig withKeystore(String file, String passwordFile) {
    return new TestConfig(subtypes, allowPlainWithoutTls, file, passwordFile, certificateFile, privateKeyFile,
        protocols, maxCredentialLength);
  }

  TestConfig withPem(String certificate, String key) {
    return new TestConfig(subtypes, allowPlainWithoutTls, keystore, keystorePasswordFile, certificate, key,
        protocols, maxCredentialLength);
  }

  TestConfig withProtocols(String... p) {
    return new TestConfig(subtypes, allowPlainWithoutTls, keystore, keystorePasswordFile, certificateFile,
        privateKeyFile, p, maxCredentialLength);
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return VeNCryptConfiguration.class;
  }
}
