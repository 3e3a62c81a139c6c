package org.plugvnc.transport.reverse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesUpToTheMaximumAndStartsOverOnReset() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertEquals(1000, b.nextMillis());
    assertEquals(2000, b.nextMillis());
    assertEquals(4000, b.nextMillis());
    assertEquals(5000, b.nextMillis());
    assertEquals(5000, b.nextMillis());
    b.reset();
    assertEquals(1000, b.nextMillis());
  }

  @Test
  void aMaximumBelowTheMinimumIsTheMinimum() {
    Backoff b = new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(1));
    assertEquals(3000, b.nextMillis());
    assertEquals(3000, b.nextMillis());
  }
}
