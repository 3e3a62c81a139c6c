package org.plugvnc.credentials.file.internal;

/**
 * One line of a users file, decoded: who, with which rights, and how to check their password.
 *
 * @param name the user name, as the viewer sends it (compared exactly)
 * @param viewOnly true when the user may watch but not send input or clipboard
 * @param iterations the PBKDF2 iteration count this entry was hashed with
 * @param salt the entry's random salt, {@link UsersFileFormat#SALT_BYTES} bytes
 * @param hash PBKDF2-HMAC-SHA256 of the password, {@link UsersFileFormat#HASH_BYTES} bytes
 */
record UserEntry(String name, boolean viewOnly, int iterations, byte[] salt, byte[] hash) {}
