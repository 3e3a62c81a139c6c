package org.plugvnc.api.security;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Adds, replaces, removes and lists the users a {@link CredentialVerifier} lets in, for tools such
 * as the console's {@code vnc:user} and the launcher's {@code user} sub-command. Registered as a
 * service by a credential provider whose users can be written (the users file), with the same
 * {@link CredentialVerifier#PROVIDER_PROPERTY} as its verifier. A change applies to the next login;
 * viewers already connected keep the rights they logged in with.
 *
 * <p>Passwords are the caller's arrays: an implementation never keeps, logs or changes them, and
 * the caller wipes them afterwards. Every method may block (file I/O, a slow hash) and is called
 * from a command thread, never from an I/O thread. Implementations are safe for concurrent calls.
 */
@ProviderType
public interface UserDirectory {

  /**
   * Adds {@code name} with {@code password} and the given rights, or replaces the entry it has.
   *
   * @param name the user name a viewer will send
   * @param password the password, not empty; read, never kept
   * @param viewOnly true when the user may only watch (no key, pointer, clipboard or resize input)
   * @return true when an existing entry for {@code name} was replaced
   * @throws IllegalArgumentException if the name or password cannot be stored (empty, too long, a
   *     character the store refuses); the message says why and never quotes the password
   * @throws IOException if the users could not be stored; the old ones then stay
   */
  boolean put(String name, char[] password, boolean viewOnly) throws IOException;

  /**
   * Removes {@code name}.
   *
   * @return false when there was no such user (nothing changed)
   * @throws IOException if the users could not be read or stored
   */
  boolean remove(String name) throws IOException;

  /**
   * The users and their rights, in the store's order; never a password or hash.
   *
   * @throws IOException if the users could not be read
   */
  List<Identity> list() throws IOException;

  /** Where the users are kept (a file path, say), for the operator. */
  String location();
}
