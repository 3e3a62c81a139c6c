package org.plugvnc.engine.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Whiteboard services of one kind, keyed (by encoding number, security type, backend name), as an
 * immutable snapshot rebuilt on every bind and unbind: the hot path reads one volatile field and
 * never locks, and nothing keeps a service that has gone. Per key, the service with the highest
 * service ranking wins (the lowest service id among equals, as OSGi orders services).
 *
 * @param <K> the key
 * @param <S> the service type
 */
public final class RankedServices<K, S> {

  private record Entry<K, S>(S service, K key, int ranking, long serviceId, long bundleId) {}

  private final BiFunction<S, Map<String, ?>, K> key;
  private final List<Entry<K, S>> entries = new ArrayList<>();
  private volatile Map<K, S> snapshot = Map.of();
  private volatile List<S> ordered = List.of();

  /** Services keyed by {@code key}, from the service and its properties. */
  public RankedServices(BiFunction<S, Map<String, ?>, K> key) {
    this.key = key;
  }

  /** Adds a service with its ranking and id. Any thread. */
  public synchronized void add(S service, Map<String, ?> properties) {
    entries.add(new Entry<>(service, key.apply(service, properties), intProperty(properties.get("service.ranking")),
        longProperty(properties.get("service.id")), longProperty(properties.get("service.bundleid"))));
    rebuild();
  }

  /** Removes a service. Any thread. */
  public synchronized void remove(S service) {
    entries.removeIf(e -> e.service == service);
    rebuild();
  }

  private void rebuild() {
    List<Entry<K, S>> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt((Entry<K, S> e) -> e.ranking).reversed()
        .thenComparingLong(e -> e.serviceId));
    Map<K, S> next = new LinkedHashMap<>();
    List<S> all = new ArrayList<>();
    for (Entry<K, S> e : sorted) {
      next.putIfAbsent(e.key, e.service);
      all.add(e.service);
    }
    snapshot = Map.copyOf(next);
    ordered = List.copyOf(all);
  }

  /** The winning service per key, as of now. Any thread; never blocks. */
  public Map<K, S> snapshot() {
    return snapshot;
  }

  /** All services, best ranked first, as of now. */
  public List<S> ordered() {
    return ordered;
  }

  /** The id of the bundle that registered {@code service}, or -1 if it is not (or no longer) here. */
  public synchronized long bundleId(S service) {
    for (Entry<K, S> e : entries) {
      if (e.service == service) {
        return e.bundleId;
      }
    }
    return -1;
  }

  private static int intProperty(Object o) {
    return o instanceof Integer i ? i : 0;
  }

  private static long longProperty(Object o) {
    return o instanceof Long l ? l : 0L;
  }
}
