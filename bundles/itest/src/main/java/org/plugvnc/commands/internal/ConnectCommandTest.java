package org.plugvnc.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * {@code vnc:connect} and {@code vnc:reverse} as Karaf would run them: the command objects, with
 * their service reference set as Karaf's shell sets it, against the real reverse transport and
 * engine; a listening client of the project receives the connection. The test lives in the
 * commands' package because Karaf injects into package-private fields.
 */
@ExtendWith(ServiceExtension.class)
class ConnectCommandTest {

  @InjectService
  ConfigurationAdmin cm;

  /** The first test of a run may come before the engine, and the transport after it, are up. */
  @InjectService(timeout = 10_000)
  ReverseConnections reverse;

  @Test
  void vncConnectReachesAListeningViewerAndSaysSo() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Dictionary<String, Object> server = new Hashtable<>(Map.of("securityTypes", "None",
        "bindAddress", "127.0.0.1", "port", port));
    cm.getConfiguration("org.plugvnc.server", "?").updateIfDifferent(server);
    try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      ConnectCommand connect = new ConnectCommand();
      connect.viewer = "127.0.0.1:" + listening.getLocalPort();
      connect.reverse = reverse;
      String said = printed(connect::execute);
      assertTrue(said.startsWith("Connected to viewer 127.0.0.1:" + listening.getLocalPort()
          + ", desktop default"), said);
      try (RfbClient c = RfbClient.builder().securityType(RfbNumbers.SECURITY_NONE)
          .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10))
          .accept(listening)) {
        assertEquals(RfbNumbers.SECURITY_NONE, c.securityType());
        assertTrue(c.serverInit().width() > 0);
        // vnc:reverse's table, printed as its execute() does but with the charset given: Karaf's
        // ShellTable asks Gogo's console for it otherwise, and there is no console here
        ReverseCommand list = new ReverseCommand();
        list.reverse = reverse;
        String table = printed(() -> {
          ReverseCommand.table(Running.reverse(list.reverse).targets())
              .print(System.out, StandardCharsets.UTF_8, true);
          return null;
        });
        assertTrue(table.contains("127.0.0.1:" + listening.getLocalPort()) && table.contains("once")
            && table.contains("connected"), table);
      }
    }
    ConnectCommand refused = new ConnectCommand();
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused.viewer = "127.0.0.1:" + probe.getLocalPort();
    }
    refused.reverse = reverse;
    String said = printed(refused::execute);
    assertTrue(said.startsWith("Could not connect to viewer") && said.contains("refused"), said);
    ConnectCommand wrong = new ConnectCommand();
    wrong.viewer = "127.0.0.1:99999";
    wrong.reverse = reverse;
    assertEquals("The port must be a number from 1 to 65535, got '99999'",
        printed(wrong::execute).trim());
  }

  interface Execution {
    Object run() throws Exception;
  }

  /** What {@code command} printed to standard output, where Karaf's shell shows it. */
  private static String printed(Execution command) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      command.run();
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }
}
