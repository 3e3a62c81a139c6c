package org.plugvnc.interop;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server JVM's heap and direct-buffer memory, read over JMX (the JVM's own agent, started by
 * the {@code com.sun.management.jmxremote.*} properties), and a sampler that keeps their peaks.
 *
 * <p>Every remote call runs on a daemon thread and is given up after {@link #CALL_TIMEOUT}, so a
 * server busy collecting garbage or gone away costs a missed sample, never a hung test.
 */
final class JmxMemory implements AutoCloseable {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectName DIRECT_POOL = name("java.nio:type=BufferPool,name=direct");

  /** One reading: bytes of heap in use and bytes held by direct ByteBuffers. */
  record Usage(long heapUsed, long directUsed) {}

  private final ExecutorService calls = Executors.newCachedThreadPool(daemon("jmx call"));
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(daemon("jmx sampler"));
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakDirect = new AtomicLong();
  private final AtomicInteger samples = new AtomicInteger();
  private final AtomicInteger missed = new AtomicInteger();
  private JMXConnector connector;
  private MBeanServerConnection server;
  private MemoryMXBean memory;

  /**
   * Connects to the agent on 127.0.0.1:{@code port}.
   *
   * @throws IOException when it cannot connect within {@link #CALL_TIMEOUT}
   */
  static JmxMemory connect(int port) throws IOException {
    JmxMemory jmx = new JmxMemory();
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    try {
      jmx.connector = jmx.call(() -> JMXConnectorFactory.connect(url));
      jmx.server = jmx.call(jmx.connector::getMBeanServerConnection);
      jmx.memory = ManagementFactory.newPlatformMXBeanProxy(
          jmx.server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
      return jmx;
    } catch (IOException | RuntimeException e) {
      jmx.close();
      throw e;
    }
  }

  /** Reads heap and direct memory now. */
  Usage read() throws IOException {
    return call(() -> new Usage(memory.getHeapMemoryUsage().getUsed(),
        (Long) server.getAttribute(DIRECT_POOL, "MemoryUsed")));
  }

  /** Runs {@link MemoryMXBean#gc()} in the server and waits for it. */
  void gc() throws IOException {
    call(() -> {
      memory.gc();
      return null;
    });
  }

  /** Reads every {@code period} from now on, keeping the peaks; a failed reading is counted. */
  void startSampling(Duration period) {
    sampler.scheduleWithFixedDelay(() -> {
      try {
        Usage u = read();
        peakHeap.accumulateAndGet(u.heapUsed(), Math::max);
        peakDirect.accumulateAndGet(u.directUsed(), Math::max);
        samples.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        missed.incrementAndGet();
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sampling (waits for a reading under way) and returns the peaks. */
  Usage stopSampling() {
    sampler.shutdown();
    try {
      sampler.awaitTermination(CALL_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Usage(peakHeap.get(), peakDirect.get());
  }

  int samples() {
    return samples.get();
  }

  int missedSamples() {
    return missed.get();
  }

  private <T> T call(Callable<T> remote) throws IOException {
    try {
      return calls.submit(remote).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "the server's JMX did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IOException("JMX call failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    if (connector != null) {
      JMXConnector c = connector;
      try {
        call(() -> {
          c.close();
          return null;
        });
      } catch (IOException e) {
        // the server is gone or stuck; the daemon thread may linger until the JVM exits
      }
    }
    calls.shutdownNow();
  }

  static ThreadFactory daemon(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(name, e);
    }
  }
}
