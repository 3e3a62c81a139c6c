package org.plugvnc.credentials.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc users file",
    description = "User names and passwords for the security types that send both (VeNCrypt Plain, "
        + "RSA-AES), checked against a users file of salted PBKDF2-HMAC-SHA256 hashes with per-user "
        + "full or view-only rights.")
@interface UsersFileConfiguration {

  @AttributeDefinition(
      name = "Users file",
      description = "The users file. A relative path is taken relative to plugvnc.home. Empty means "
          + "${plugvnc.home}/etc/users. Read again when it changes; a file readable by group or "
          + "others lets no one in.")
  String usersFile() default "";

  @AttributeDefinition(
      name = "Iterations",
      description = "PBKDF2 iterations for entries written from now on, and for the check an "
          + "unknown user name costs. Entries keep the count they were written with. Between "
          + UsersFileFormat.MIN_ITERATIONS + " and " + UsersFileFormat.MAX_ITERATIONS + ".")
  int iterations() default UsersFileFormat.DEFAULT_ITERATIONS;

  @AttributeDefinition(
      name = "Service ranking",
      description = "The ranking of this provider's CredentialVerifier: when several providers run "
          + "(the users file and JAAS), a handshake that names none uses the highest. Applies live "
          + "(the services are registered again).")
  int service_ranking() default 0;
}
