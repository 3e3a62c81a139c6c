package org.plugvnc.api.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A record layer a {@link SecurityHandshake} puts under the rest of its connection through {@link
 * SecurityContext#startRecordLayer} (RSA-AES, say): it seals the bytes the server sends into
 * records and opens the records the viewer sends. The engine does the framing around it: it cuts
 * outgoing bytes into pieces of at most {@link #maxPlaintextLength()}, buffers incoming bytes
 * until {@link #recordLength} says a whole record is there, never more than {@link
 * #maxRecordLength()} for one record, and ends the connection with a logged reason when a record
 * is longer, does not open, or the stream ends inside one.
 *
 * <p>One object per connection, stateful (nonce counters), called on that connection's I/O thread
 * only; none of its methods may block.
 *
 * @since 1.3
 */
@ConsumerType
public interface RecordLayer {

  /** The most plaintext bytes one outgoing record carries; at least 1. A constant. */
  int maxPlaintextLength();

  /** The longest incoming record accepted, header and tag included; a constant. */
  int maxRecordLength();

  /** The length of the record that seals {@code plaintextLength} bytes. */
  int sealedLength(int plaintextLength);

  /**
   * Seals all remaining bytes of {@code plaintext} (at most {@link #maxPlaintextLength()}) into
   * one record, written to {@code record} at its position, which has room for {@link
   * #sealedLength} bytes. Advances both positions.
   */
  void seal(ByteBuffer plaintext, ByteBuffer record);

  /**
   * The whole length (header, body and tag) of the record starting at {@code in}'s position, or
   * -1 when not even its header is there. Reads without moving the position; the engine compares
   * the answer with {@link #maxRecordLength()} before it buffers anything more.
   */
  int recordLength(ByteBuffer in);

  /**
   * Opens one whole record ({@code record}'s remaining bytes, exactly {@link #recordLength} of
   * them) into {@code plaintext} at its position, which has room for as many bytes as the record
   * has. Advances both positions.
   *
   * @throws GeneralSecurityException if the record does not authenticate (a bad tag); the engine
   *     then ends the connection with the exception's message as the reason
   */
  void open(ByteBuffer record, ByteBuffer plaintext) throws GeneralSecurityException;
}
