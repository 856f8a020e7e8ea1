package io.influence.scorer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.registry.RegistryClientListener.RequestOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistryClientMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RegistryClientMeters meters = new RegistryClientMeters(registry);

  @Test
  void attemptsAreTimedAndFailedOnesCountedAgainByReason() {
    meters.requested("register", RequestOutcome.SERVER_ERROR, 5_000_000);
    meters.requested("register", RequestOutcome.SUCCESS, 2_000_000);
    meters.requested("schema_by_id", RequestOutcome.UNREACHABLE, 1_000_000);

    assertThat(registry.get(RegistryClientMeters.REQUESTS).tags("operation", "register", "outcome", "success").timer()
        .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2);
    assertThat(registry.get(RegistryClientMeters.REQUESTS).tags("outcome", "error").timers()).hasSize(2);
    assertThat(registry.get(RegistryClientMeters.ERRORS).tags("operation", "register", "reason", "server_error").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(RegistryClientMeters.ERRORS).tags("reason", "unreachable").counter().count()).isEqualTo(1);
  }

  @Test
  void cacheLookupsAreCountedAsHitsAndMisses() {
    meters.cacheLookup("schema_by_id", false);
    meters.cacheLookup("schema_by_id", true);
    meters.cacheLookup("schema_by_id", true);

    assertThat(registry.get(RegistryClientMeters.CACHE).tags("outcome", "hit").counter().count()).isEqualTo(2);
    assertThat(registry.get(RegistryClientMeters.CACHE).tags("outcome", "miss").counter().count()).isEqualTo(1);
  }
}
