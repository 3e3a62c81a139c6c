package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.testsupport.TestEncoderContext;

/** What each factory declares to the engine, and that it makes one encoder per session. */
class FactoriesTest {

  private final List<EncoderFactory> factories = List.of(new RawEncoderFactory(),
      new CopyRectEncoderFactory(), new RreEncoderFactory(), new CorreEncoderFactory(),
      new HextileEncoderFactory());

  @Test
  void encodingNumbersAreTheSpecs() {
    assertEquals(List.of(0, 1, 2, 4, 5),
        factories.stream().map(EncoderFactory::encoding).toList());
  }

  @Test
  void allAreStatelessLosslessAndMakeFreshEncoders() {
    for (EncoderFactory factory : factories) {
      assertEquals(Continuity.STATELESS, factory.continuity(), factory.getClass().getName());
      assertFalse(factory.lossy());
      TestEncoderContext context = new TestEncoderContext();
      assertNotSame(factory.create(context), factory.create(context));
      assertFalse(context.used(0), "no zlib stream");
    }
  }

  @Test
  void onlyCopyRectEncodesCopies() {
    for (EncoderFactory factory : factories) {
      assertEquals(factory.encoding() == 1, factory.encodesCopies());
    }
  }

  @Test
  void onlyCorreLimitsTheRectangle() {
    for (EncoderFactory factory : factories) {
      int side = factory.encoding() == 4 ? 255 : 65535;
      assertEquals(side, factory.maxWidth());
      assertEquals(side, factory.maxHeight());
      assertEquals(Integer.MAX_VALUE, factory.maxArea());
    }
  }

  @Test
  void factoriesMakeTheirKindOfEncoder() {
    TestEncoderContext context = new TestEncoderContext();
    assertTrue(new RawEncoderFactory().create(context) instanceof RawEncoder);
    assertTrue(new CopyRectEncoderFactory().create(context) instanceof CopyRectEncoder);
    assertTrue(new RreEncoderFactory().create(context) instanceof RreEncoder);
    assertTrue(new CorreEncoderFactory().create(context) instanceof RreEncoder);
    assertTrue(new HextileEncoderFactory().create(context) instanceof HextileEncoder);
  }
}
