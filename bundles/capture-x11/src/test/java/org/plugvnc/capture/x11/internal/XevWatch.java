package org.plugvnc.capture.x11.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real X client that shows what reached it: {@code xev} with a window at the top left corner of
 * the screen, its output parsed into the keysyms of its KeyPress events and the buttons of its
 * ButtonPress events.
 */
final class XevWatch implements AutoCloseable {

  private static final Pattern KEYSYM = Pattern.compile("keysym 0x([0-9a-f]+),");
  private static final Pattern BUTTON = Pattern.compile("button (\\d+),");

  private final Process process;
  private final List<Long> keysyms = new ArrayList<>();
  private final List<Integer> buttons = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private boolean mapped;

  private XevWatch(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "xev-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts xev on {@code display} and waits until its window is mapped. */
  static XevWatch start(String display) throws IOException, InterruptedException {
    Tools.require("xev", "stdbuf");
    // stdbuf: xev writes through stdio, which a pipe would buffer.
    Process process = new ProcessBuilder("stdbuf", "-oL", "xev", "-display", display,
        "-geometry", "200x200+0+0", "-event", "keyboard", "-event", "button", "-event",
        "structure")
        .redirectErrorStream(true)
        .start();
    XevWatch watch = new XevWatch(process);
    watch.await(() -> watch.mapped, Duration.ofSeconds(10), "xev's window mapped");
    return watch;
  }

  /** Forgets the keys and buttons seen so far. */
  synchronized void clear() {
    keysyms.clear();
    buttons.clear();
  }

  synchronized List<Long> keysyms() {
    return List.copyOf(keysyms);
  }

  synchronized List<Integer> buttons() {
    return List.copyOf(buttons);
  }

  synchronized String output() {
    return String.join("\n", lines);
  }

  interface Condition {
    boolean holds();
  }

  /** Waits until {@code condition} holds on xev's output so far; fails with the output. */
  void await(Condition condition, Duration timeout, String what) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!condition.holds()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("xev never showed " + what + "; its output:\n" + output());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void read() {
    String event = "";
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          lines.add(line);
          if (!line.startsWith(" ") && line.contains(" event,")) {
            event = line.substring(0, line.indexOf(' '));
            mapped |= event.equals("MapNotify");
          }
          Matcher k = KEYSYM.matcher(line);
          if (event.equals("KeyPress") && k.find()) {
            keysyms.add(Long.parseLong(k.group(1), 16));
          }
          Matcher b = BUTTON.matcher(line);
          if (event.equals("ButtonPress") && b.find()) {
            buttons.add(Integer.parseInt(b.group(1)));
          }
          notifyAll();
        }
      }
    } catch (IOException e) {
      // xev ended
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}
