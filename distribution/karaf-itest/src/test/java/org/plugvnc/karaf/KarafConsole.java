package org.plugvnc.karaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Karaf's console over SSH, as a person types into it: one command at a time, each in its own
 * SSH session (Karaf closes the connection after an exec command), logged in as {@code karaf}
 * with a key of its own that {@link #keysPropertiesEntry()} puts in {@code etc/keys.properties}.
 * Every call is bounded: connecting, logging in, and the command itself.
 *
 * <pre>{@code
 * String bundles = console.run("bundle:list -s");   // fails on Karaf's error output
 * String why = console.runExpectingError("feature:uninstall plugvnc-encoders-tight");
 * }</pre>
 *
 * <p>The first host key Karaf presents is trusted (the Karaf is this test's own, on 127.0.0.1,
 * and generates its key at its first start) and pinned: a different key later fails the login.
 */
public final class KarafConsole implements AutoCloseable {

  /** Long enough for a feature operation with a refresh; a command that takes longer fails. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  /** How Karaf's shell reports a failed command (a command throwing, or an unknown command). */
  private static final Pattern KARAF_ERROR =
      Pattern.compile("Error executing command|Command not found");

  private final int port;
  private final KeyPair key;
  private final SshClient client;
  private final AtomicReference<PublicKey> hostKey = new AtomicReference<>();

  private KarafConsole(int port, KeyPair key) {
    this.port = port;
    this.key = key;
    this.client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((session, address, presented) ->
        hostKey.compareAndSet(null, presented) || KeyUtils.compareKeys(hostKey.get(), presented));
    client.start();
  }

  /** A console for the Karaf whose SSH port is {@code port}, with a fresh RSA key. */
  public static KarafConsole forPort(int port) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new KarafConsole(port, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no RSA key generator", e);
    }
  }

  /**
   * The line for Karaf's {@code etc/keys.properties} that lets this console in as {@code karaf}
   * in the admin group (Karaf 4.4 takes RSA keys there; it did not take an Ed25519 one).
   */
  public String keysPropertiesEntry() {
    String openSsh = PublicKeyEntry.toString(key.getPublic());
    return "karaf=" + openSsh.split(" ")[1] + ",_g_:admingroup";
  }

  /** Runs {@code command} within {@link #COMMAND_TIMEOUT}; see {@link #run(String, Duration)}. */
  public String run(String command) {
    return run(command, COMMAND_TIMEOUT);
  }

  /**
   * Runs {@code command} and returns what it printed (standard output, then error output, without
   * terminal colours).
   *
   * @throws AssertionError when Karaf reports an error (an error message or a non-zero exit
   *     status), when the session closes before the command has finished, or after {@code timeout}
   */
  public String run(String command, Duration timeout) {
    return check(command, execute(command, null, timeout));
  }

  /**
   * Runs {@code command} with {@code input} on its standard input (what a person would type, e.g.
   * a password at a prompt), as {@link #run(String)}.
   */
  public String runWithInput(String command, String input) {
    return check(command, execute(command, input, COMMAND_TIMEOUT));
  }

  private static String check(String command, Result result) {
    if (result.exitStatus() == null) {
      throw new AssertionError("Karaf closed the console while running '" + command + "'; it had"
          + " printed:\n" + result.output());
    }
    if (result.failed()) {
      throw new AssertionError("Karaf failed '" + command + "' (exit status "
          + result.exitStatus() + "):\n" + result.output());
    }
    return result.output();
  }

  /**
   * Runs a command that must fail, and returns Karaf's error output.
   *
   * @throws AssertionError when it succeeds, or as {@link #run(String, Duration)}
   */
  public String runExpectingError(String command) {
    Result result = execute(command, null, COMMAND_TIMEOUT);
    if (result.exitStatus() == null || !result.failed()) {
      throw new AssertionError("expected Karaf to refuse '" + command + "', it printed:\n"
          + result.output());
    }
    return result.output();
  }

  /**
   * Runs a command during which Karaf may refresh its own shell bundles, closing every console
   * session: the first install of a bundle its shell optionally uses (JNA, for JLine) does. The
   * command goes on in Karaf; the caller checks its effect.
   *
   * @return what it printed before the session closed, or all of it
   * @throws AssertionError when Karaf reports an error before closing, or after the timeout
   */
  public String runAcrossShellRefresh(String command) {
    Result result = execute(command, null, COMMAND_TIMEOUT);
    if (result.exitStatus() != null && result.failed()) {
      throw new AssertionError("Karaf failed '" + command + "':\n" + result.output());
    }
    return result.output();
  }

  /**
   * Waits until the console logs in and runs {@code command} without error: Karaf's SSH port
   * opens before its commands are registered.
   *
   * @return the command's output
   * @throws AssertionError when it has not succeeded within {@code timeout}, with the last failure
   */
  public String awaitReady(String command, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return run(command, CONNECT_TIMEOUT);
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Karaf's console on port " + port + " did not run '" + command
              + "' within " + timeout.toSeconds() + " s", e);
        }
        sleep(RETRY_INTERVAL);
      }
    }
  }

  private Result execute(String command, String input, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ClientSession session =
        client.connect("karaf", "127.0.0.1", port).verify(CONNECT_TIMEOUT).getSession()) {
      session.addPublicKeyIdentity(key);
      session.auth().verify(CONNECT_TIMEOUT);
      try (ChannelExec channel = session.createExecChannel(command)) {
        channel.setOut(out);
        channel.setErr(err);
        if (input != null) {
          channel.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        }
        channel.open().verify(CONNECT_TIMEOUT);
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        Set<ClientChannelEvent> events =
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), left);
        if (events.contains(ClientChannelEvent.TIMEOUT)) {
          throw new AssertionError("'" + command + "' did not finish within "
              + timeout.toSeconds() + " s; it printed:\n" + text(out, err));
        }
        return new Result(channel.getExitStatus(), text(out, err));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run '" + command + "' on Karaf's console (port "
          + port + ")", e);
    }
  }

  private static String text(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    return ANSI.matcher(all).replaceAll("").replace("\r", "");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    client.stop();
  }

  /** A command's exit status (null when the session closed first) and output. */
  private record Result(Integer exitStatus, String output) {
    boolean failed() {
      return exitStatus != null && exitStatus != 0 || KARAF_ERROR.matcher(output).find();
    }
  }
}
