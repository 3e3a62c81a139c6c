package org.plugvnc.credentials.jaas.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc JAAS credentials",
    description = "User names and passwords for the security types that send both (VeNCrypt Plain, "
        + "RSA-AES), checked by a JAAS login: in Karaf against one of its realms, elsewhere "
        + "against a JAAS configuration file. The user's roles give full or view-only access; a "
        + "user with neither is refused. Inactive until this configuration exists.")
@interface JaasConfiguration {

  @AttributeDefinition(
      name = "Realm",
      description = "The JAAS login context (Karaf realm, or entry of the configuration file).")
  String realm() default "karaf";

  @AttributeDefinition(
      name = "Configuration file",
      description = "A JAAS login configuration file, relative to plugvnc.home when relative, read "
          + "for this verifier only (never installed JVM-wide) and again when it changes. Empty "
          + "means the container's JAAS configuration (Karaf's realms).")
  String configFile() default "";

  @AttributeDefinition(
      name = "Full-access roles",
      description = "Comma-separated roles that give full access (input, clipboard, resize).")
  String fullAccessRoles() default "admin,vnc";

  @AttributeDefinition(
      name = "View-only roles",
      description = "Comma-separated roles that let a user only watch, when they have no "
          + "full-access role.")
  String viewOnlyRoles() default "vnc-viewer";

  @AttributeDefinition(
      name = "Role principal classes",
      description = "Comma-separated class names of the principals that carry roles (a principal "
          + "counts when its class, a superclass or an interface has one of these names). Other "
          + "principals, such as the user's own, never grant rights.")
  String rolePrincipalClasses() default JaasVerifier.KARAF_ROLE_PRINCIPAL;

  @AttributeDefinition(
      name = "Service ranking",
      description = "The ranking of this provider's CredentialVerifier: when several providers run "
          + "(the users file and JAAS), a handshake that names none uses the highest.")
  int service_ranking() default 0;
}
