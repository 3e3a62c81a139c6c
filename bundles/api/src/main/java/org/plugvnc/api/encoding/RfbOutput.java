package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A growable buffer an encoder writes into; the engine sends it when the update is complete.
 * Multi-byte numbers are big-endian, as everywhere in RFB. Implemented by the engine; used on one
 * thread at a time. Never blocks; throws only {@link IndexOutOfBoundsException} for a bad
 * {@link #setU32} position.
 */
@ProviderType
public interface RfbOutput {

  /** Appends the low 8 bits of {@code v}. */
  void writeU8(int v);

  /** Appends the low 16 bits of {@code v}, big-endian. */
  void writeU16(int v);

  /** Appends {@code v} as 32 bits, big-endian (signed and unsigned alike). */
  void writeU32(int v);

  /** Appends {@code len} bytes of {@code b} from {@code off}. */
  void writeBytes(byte[] b, int off, int len);

  /** Bytes written so far through this output. */
  int position();

  /** Overwrites 4 bytes written earlier at {@code position} (a length filled in afterwards). */
  void setU32(int position, int v);
}
