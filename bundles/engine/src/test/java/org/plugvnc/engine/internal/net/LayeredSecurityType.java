package org.plugvnc.engine.internal.net;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.RecordLayer;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * Security type 151 for tests: the viewer sends {@code 'S'} in clear, upon which the handshake
 * puts a layer under the connection ({@link TestRecords} or TLS) and answers {@code 0x77}
 * through the records (before TLS, in clear); then the viewer sends {@code "OK"} through the layer, and the handshake succeeds, after
 * ending the record layer if told to (as RSA-AES's RA2ne does). Test thread only.
 */
final class LayeredSecurityType implements SecurityTypeFactory {

  static final int TYPE = 151;

  /** What the handshake puts under the connection. */
  enum Mode { KEEP_RECORDS, END_RECORDS, TLS }

  private final Mode mode;
  private final Supplier<SSLEngine> tls;
  SecurityContext lastContext;

  LayeredSecurityType(Mode mode, Supplier<SSLEngine> tls) {
    this.mode = mode;
    this.tls = tls;
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    lastContext = context;
    return new SecurityHandshake() {
      private boolean layered;

      @Override
      public void start(RfbOutput out) {}

      @Override
      public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
        if (!layered) {
          if (!in.hasRemaining()) {
            return HandshakeResult.incomplete();
          }
          if (in.get() != 'S') {
            return HandshakeResult.failure("expected S");
          }
          layered = true;
          if (mode == Mode.TLS) {
            out.writeU8(0x77); // as VeNCrypt acknowledges the subtype: in clear, before TLS
            context.startTls(tls.get());
          } else {
            context.startRecordLayer(new TestRecords());
            out.writeU8(0x77);
          }
          return HandshakeResult.incomplete();
        }
        if (in.remaining() < 2) {
          return HandshakeResult.incomplete();
        }
        if (in.get() != 'O' || in.get() != 'K') {
          return HandshakeResult.failure("expected OK");
        }
        if (mode == Mode.END_RECORDS) {
          context.endRecordLayer();
        }
        return HandshakeResult.success(new Identity("layered", false));
      }
    };
  }

  /**
   * A toy record format, independent of any real one: a U8 length, the bytes XORed with 0x5A, and
   * a one-byte tag, the sum of the plaintext bytes. At most 3 plaintext bytes a record out, so that
   * sealing has to cut; at most 64 bytes a record in.
   */
  static final class TestRecords implements RecordLayer {

    static final int MAX_PLAINTEXT = 3;

    @Override
    public int maxPlaintextLength() {
      return MAX_PLAINTEXT;
    }

    @Override
    public int maxRecordLength() {
      return 64;
    }

    @Override
    public int sealedLength(int plaintextLength) {
      return plaintextLength + 2;
    }

    @Override
    public void seal(ByteBuffer plaintext, ByteBuffer record) {
      record.put((byte) plaintext.remaining());
      int sum = 0;
      while (plaintext.hasRemaining()) {
        byte b = plaintext.get();
        sum += b;
        record.put((byte) (b ^ 0x5A));
      }
      record.put((byte) sum);
    }

    @Override
    public int recordLength(ByteBuffer in) {
      return in.hasRemaining() ? (in.get(in.position()) & 0xFF) + 2 : -1;
    }

    @Override
    public void open(ByteBuffer record, ByteBuffer plaintext) throws GeneralSecurityException {
      int n = record.get() & 0xFF;
      int sum = 0;
      for (int i = 0; i < n; i++) {
        byte b = (byte) (record.get() ^ 0x5A);
        sum += b;
        plaintext.put(b);
      }
      if (record.get() != (byte) sum) {
        throw new GeneralSecurityException("bad tag (test)");
      }
    }

    /** {@code plain} sealed, as the viewer would send it. */
    static byte[] seal(byte... plain) {
      TestRecords r = new TestRecords();
      ByteBuffer out = ByteBuffer.allocate(plain.length + 2);
      r.seal(ByteBuffer.wrap(plain), out);
      return out.array();
    }
  }
}
