package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

class DecoderRegistryTest {

  @Test
  void standardDecodesEveryEncodingTheServerSends() {
    Set<Integer> numbers = IntStream.of(DecoderRegistry.standard().encodings()).boxed()
        .collect(Collectors.toSet());
    assertEquals(Set.of(0, 1, 2, 4, 5, 6, 7, 15, 16, -260, -239, -223, -224), numbers);
  }

  @Test
  void eachRegistryHasItsOwnDecoders() throws RfbProtocolException {
    assertNotSame(DecoderRegistry.standard().get(RfbNumbers.ENCODING_ZRLE),
        DecoderRegistry.standard().get(RfbNumbers.ENCODING_ZRLE));
  }

  @Test
  void closeReachesEveryDecoder() throws IOException {
    int[] closed = new int[1];
    DecoderRegistry r = DecoderRegistry.empty().register(99, new RectangleDecoder() {
      @Override
      public void decode(RfbInput in, Rectangle rect, Framebuffer framebuffer) {
      }

      @Override
      public void close() {
        closed[0]++;
      }
    });
    r.close();
    assertEquals(1, closed[0]);
    assertThrows(RfbProtocolException.class, () -> r.get(98));
  }
}
