package org.plugvnc.api.security;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sets the passwords a {@link VncPasswordStore} grants access with, for tools such as the console's
 * {@code vnc:password}. Registered as a service by a store that can be written; viewers already
 * connected stay, new ones need the new password.
 */
@ConsumerType
public interface VncPasswordWriter {

  /**
   * Replaces the passwords. The arrays are the caller's: the writer neither keeps nor logs them, and
   * the caller wipes them afterwards. Only the first 8 characters count (RFB's DES key); they must
   * be ISO-8859-1.
   *
   * @param full the password for full access; not empty
   * @param viewOnly the password for watching only, or null for none (an existing one is removed)
   * @return where the passwords were written, for the operator (a file path, say)
   * @throws IOException if they could not be stored; the old ones then stay
   * @throws IllegalArgumentException if {@code full} is empty or a character is not ISO-8859-1
   */
  String write(char[] full, char[] viewOnly) throws IOException;
}
