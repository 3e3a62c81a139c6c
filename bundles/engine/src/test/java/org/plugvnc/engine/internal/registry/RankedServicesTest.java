package org.plugvnc.engine.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OSGi ordering per key: highest service.ranking, then lowest service.id. */
class RankedServicesTest {

  /** A service with a key of its own. */
  record Service(String name, int key) {}

  private final RankedServices<Integer, Service> services = new RankedServices<>((s, p) -> s.key());

  private static Map<String, Object> props(Integer ranking, long id) {
    return ranking == null ? Map.of("service.id", id) : Map.of("service.ranking", ranking, "service.id", id);
  }

  @Test
  void highestRankingWinsPerKey() {
    Service low = new Service("low", 1);
    Service high = new Service("high", 1);
    Service other = new Service("other", 2);
    services.add(low, props(0, 1L));
    services.add(high, props(10, 5L));
    services.add(other, props(-5, 3L));
    assertEquals(Map.of(1, high, 2, other), services.snapshot());
    assertEquals(List.of(high, low, other), services.ordered());
  }

  @Test
  void negativeAndMissingRankings() {
    Service negative = new Service("negative", 1);
    Service unranked = new Service("unranked", 1);
    services.add(negative, props(-1, 1L));
    services.add(unranked, props(null, 2L));
    assertEquals(unranked, services.snapshot().get(1), "no ranking is ranking 0, above -1");
  }

  @Test
  void equalRankingLowestServiceIdWins() {
    Service later = new Service("later", 7);
    Service earlier = new Service("earlier", 7);
    services.add(later, props(3, 20L));
    services.add(earlier, props(3, 4L));
    assertEquals(earlier, services.snapshot().get(7));
    assertEquals(List.of(earlier, later), services.ordered());
  }

  @Test
  void removeFallsBackToTheNextBest() {
    Service a = new Service("a", 1);
    Service b = new Service("b", 1);
    Service c = new Service("c", 1);
    services.add(a, props(5, 1L));
    services.add(b, props(9, 2L));
    services.add(c, props(5, 3L));
    assertEquals(b, services.snapshot().get(1));
    services.remove(b);
    assertEquals(a, services.snapshot().get(1));
    services.remove(a);
    assertEquals(c, services.snapshot().get(1));
    services.remove(c);
    assertNull(services.snapshot().get(1));
    assertEquals(List.of(), services.ordered());
  }

  @Test
  void snapshotsAreImmutableValues() {
    Service a = new Service("a", 1);
    services.add(a, props(0, 1L));
    Map<Integer, Service> before = services.snapshot();
    services.add(new Service("b", 1), props(1, 2L));
    assertEquals(Map.of(1, a), before, "a snapshot taken earlier does not change");
    services.remove(new Service("a", 1)); // equal but not the same object: removal is by identity
    assertEquals(2, services.ordered().size());
  }
}
