package org.plugvnc.clipboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.clipboard.ClipboardListener;

class InMemoryClipboardTest {

  private static ClipboardConfiguration config(int maxLength) {
    return new ClipboardConfiguration() {
      @Override
      public int maxLength() {
        return maxLength;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return ClipboardConfiguration.class;
      }
    };
  }

  /** Records every change it is told of. */
  private static final class Recorder implements ClipboardListener {
    final List<String> texts = new ArrayList<>();
    final List<Object> origins = new ArrayList<>();

    @Override
    public synchronized void clipboardChanged(String text, Object origin) {
      texts.add(text);
      origins.add(origin);
    }
  }

  @Test
  void defaultMaximumIsOneMebiCharacter() throws Exception {
    Object value = ClipboardConfiguration.class.getMethod("maxLength").getDefaultValue();
    assertEquals(1_048_576, value);
  }

  @Test
  void aNewMaximumAppliesAtOnceAndKeepsTheTextCutToIt() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(10));
    clipboard.setText("0123456789", null);
    clipboard.modified(config(4));
    assertEquals("0123", clipboard.text());
    clipboard.setText("abcdefgh", null);
    assertEquals("abcd", clipboard.text());
    clipboard.modified(config(100));
    clipboard.setText("abcdefgh", null);
    assertEquals("abcdefgh", clipboard.text());
  }

  @Test
  void startsEmptyNeverNull() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(10));
    assertEquals("", clipboard.text());
  }

  @Test
  void setTextStoresAndTellsListenersWithOrigin() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(100));
    Recorder recorder = new Recorder();
    Object origin = new Object();
    clipboard.addListener(recorder);

    clipboard.setText("hello", origin);

    assertEquals("hello", clipboard.text());
    assertEquals(List.of("hello"), recorder.texts);
    assertSame(origin, recorder.origins.get(0));
  }

  @Test
  void longTextIsCutToMaximum() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(5));
    Recorder recorder = new Recorder();
    clipboard.addListener(recorder);

    clipboard.setText("abcdefgh", null);

    assertEquals("abcde", clipboard.text());
    assertEquals(List.of("abcde"), recorder.texts);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(3));
    String grinning = new String(Character.toChars(0x1F600));
    clipboard.setText("ab" + grinning, null);
    assertEquals("ab", clipboard.text());
  }

  @Test
  void zeroMaximumKeepsNothing() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(0));
    clipboard.setText("abc", null);
    assertEquals("", clipboard.text());
  }

  @Test
  void negativeMaximumFallsBackToDefault() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(-1));
    String big = "x".repeat(2000);
    clipboard.setText(big, null);
    assertEquals(big, clipboard.text());
  }

  @Test
  void throwingListenerDoesNotStopTheOthers() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(100));
    Recorder before = new Recorder();
    Recorder after = new Recorder();
    clipboard.addListener(before);
    clipboard.addListener((text, origin) -> {
      throw new IllegalStateException("listener failure for the test");
    });
    clipboard.addListener(after);

    clipboard.setText("x", null);

    assertEquals(List.of("x"), before.texts);
    assertEquals(List.of("x"), after.texts);
    assertEquals("x", clipboard.text());
  }

  @Test
  void removedListenerIsNoLongerTold() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(100));
    Recorder recorder = new Recorder();
    clipboard.addListener(recorder);
    clipboard.setText("one", null);
    clipboard.removeListener(recorder);
    clipboard.setText("two", null);

    assertEquals(List.of("one"), recorder.texts);
    assertEquals("two", clipboard.text());
  }

  @Test
  void nullTextIsRejectedAndKeepsTheOldText() {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(100));
    clipboard.setText("kept", null);
    assertThrows(NullPointerException.class, () -> clipboard.setText(null, null));
    assertEquals("kept", clipboard.text());
  }

  @Test
  void concurrentWritersAndListenerChangesLoseNoNotification() throws Exception {
    InMemoryClipboard clipboard = new InMemoryClipboard(config(100));
    AtomicInteger told = new AtomicInteger();
    clipboard.addListener((text, origin) -> told.incrementAndGet());
    int threads = 4;
    int perThread = 2000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "t" + t + "-";
      Thread writer = new Thread(() -> {
        awaitQuietly(go);
        for (int i = 0; i < perThread; i++) {
          clipboard.setText(prefix + i, null);
          assertNotNull(clipboard.text());
        }
      });
      writer.start();
      writers.add(writer);
    }
    Thread churn = new Thread(() -> {
      awaitQuietly(go);
      for (int i = 0; i < 2000; i++) {
        Recorder passing = new Recorder();
        clipboard.addListener(passing);
        clipboard.removeListener(passing);
      }
    });
    churn.start();
    go.countDown();
    for (Thread writer : writers) {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    }
    churn.join(TimeUnit.SECONDS.toMillis(30));

    assertEquals(threads * perThread, told.get());
    assertTrue(clipboard.text().endsWith("-" + (perThread - 1)), clipboard.text());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
