package org.plugvnc.credentials.file.internal;

import java.util.concurrent.atomic.AtomicLong;

/** The real PBKDF2, counting the iterations and calls it is asked for. */
final class CountingDerivation implements KeyDerivation {

  final AtomicLong iterations = new AtomicLong();
  final AtomicLong calls = new AtomicLong();

  @Override
  public byte[] derive(char[] password, byte[] salt, int count) {
    iterations.addAndGet(count);
    calls.incrementAndGet();
    return KeyDerivation.PBKDF2.derive(password, salt, count);
  }

  void reset() {
    iterations.set(0);
    calls.set(0);
  }
}
