package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.influence.embedded.FreePorts;
import io.influence.scorer.query.KeyLocator.KeyLocation;
import io.influence.scorer.query.UserRouter.Routed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing decisions, with this instance's state given as a function and the other instances as
 * real HTTP servers (or a port nobody listens on).
 */
class UserRouterTest {
  private static final HostInfo SELF = new HostInfo("localhost", 1);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final UserRouter.LocalAnswer NOT_HERE = scope -> {
    throw new StoreUnavailableException("not here", null);
  };

  private final AtomicReference<String> forwardedAs = new AtomicReference<>();
  private HttpServer peer;
  private HostInfo peerHost;
  private final HostInfo deadHost = new HostInfo("localhost", FreePorts.next());

  @BeforeEach
  void startPeer() throws IOException {
    peer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    peer.createContext("/", exchange -> {
      forwardedAs.set(exchange.getRequestHeaders().getFirst(RoutingHeaders.FORWARDED));
      if (exchange.getRequestURI().getPath().endsWith("/slow")) {
        sleep(TIMEOUT.multipliedBy(4));
      }
      byte[] body = "{\"userId\":\"u\",\"from\":\"peer\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add(RoutingHeaders.SERVED_BY, "peer");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    peer.start();
    peerHost = new HostInfo("localhost", peer.getAddress().getPort());
  }

  @AfterEach
  void stopPeer() {
    peer.stop(0);
  }

  private UserRouter router(KeyLocation location) {
    return new UserRouter(SELF, user -> Optional.ofNullable(location), new RequestForwarder(TIMEOUT), partition -> Optional.of(42L));
  }

  private static UserRouter.LocalAnswer answering(String body) {
    return scope -> Optional.of(Map.of("body", body, "stale", scope.staleAllowed()));
  }

  @Test
  void theOwnerAnswersFromItsActiveStoreAndSaysItIsNotStale() throws Exception {
    Routed routed = router(new KeyLocation(3, SELF, List.of(peerHost))).route("u", "/v1/users/u", null, answering("mine"));

    assertThat(routed).isInstanceOf(Routed.Local.class);
    Routed.Local local = (Routed.Local) routed;
    assertThat((Object) local.body().orElseThrow()).isEqualTo(Map.of("body", "mine", "stale", false));
    assertThat(local.headers()).containsEntry(RoutingHeaders.SERVED_BY, "localhost:1").containsEntry(RoutingHeaders.STALE, "false")
        .doesNotContainKey(RoutingHeaders.OFFSET_LAG);
  }

  @Test
  void aKeyOwnedElsewhereIsForwardedToTheOwnerAndItsAnswerRelayed() throws Exception {
    Routed routed = router(new KeyLocation(3, peerHost, List.of(SELF))).route("u", "/v1/users/u", null, answering("mine"));

    assertThat(routed).isInstanceOf(Routed.Forwarded.class);
    RequestForwarder.Answer answer = ((Routed.Forwarded) routed).answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"from\":\"peer\"");
    assertThat(answer.routingHeaders()).containsValue("peer");
    assertThat(forwardedAs.get()).isEqualTo("active");
  }

  @Test
  void whenTheOwnerIsDownALocalStandbyAnswersMarkedStaleWithItsLag() throws Exception {
    Routed routed = router(new KeyLocation(3, deadHost, List.of(SELF))).route("u", "/v1/users/u", null, answering("standby"));

    Routed.Local local = (Routed.Local) routed;
    assertThat((Object) local.body().orElseThrow()).isEqualTo(Map.of("body", "standby", "stale", true));
    assertThat(local.headers()).containsEntry(RoutingHeaders.STALE, "true").containsEntry(RoutingHeaders.OFFSET_LAG, "42");
  }

  @Test
  void whenTheOwnerIsDownAStandbyElsewhereIsAskedForItsCopy() throws Exception {
    Routed routed = router(new KeyLocation(3, deadHost, List.of(peerHost))).route("u", "/v1/users/u", null, NOT_HERE);

    assertThat(routed).isInstanceOf(Routed.Forwarded.class);
    assertThat(forwardedAs.get()).isEqualTo("standby");
  }

  @Test
  void anOwnerTooSlowToAnswerCostsAtMostTheTimeoutBeforeTheStandbyAnswers() throws Exception {
    long started = System.nanoTime();
    Routed routed = router(new KeyLocation(3, peerHost, List.of(SELF))).route("u", "/v1/users/u/slow", null, answering("standby"));

    assertThat(routed).isInstanceOf(Routed.Local.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
  }

  @Test
  void aRestoringOwnerAnswersFromItsOwnCopyMarkedStaleBeforeAskingAnotherInstance() throws Exception {
    Routed routed = router(new KeyLocation(3, SELF, List.of(peerHost))).route("u", "/v1/users/u", null,
        scope -> {
          if (!scope.staleAllowed()) {
            throw new StoreUnavailableException("restoring", null);
          }
          return Optional.empty();
        });

    assertThat(routed).isInstanceOf(Routed.Local.class);
    assertThat(((Routed.Local) routed).headers()).containsEntry(RoutingHeaders.STALE, "true");
    assertThat(forwardedAs.get()).isNull();
  }

  @Test
  void whenNoCopyCanAnswerTheRequestIsUnavailableNamingThePartition() throws Exception {
    Routed routed = router(new KeyLocation(3, deadHost, List.of())).route("u", "/v1/users/u", null, NOT_HERE);

    assertThat(routed).isInstanceOf(Routed.Unavailable.class);
    assertThat(((Routed.Unavailable) routed).reason()).contains("partition 3").contains(deadHost.toString());
  }

  @Test
  void aPartitionBetweenOwnersWithNoStandbyIsUnavailableSayingSo() throws Exception {
    Routed routed = router(new KeyLocation(3, HostInfo.unavailable(), List.of())).route("u", "/v1/users/u", null, NOT_HERE);

    assertThat(((Routed.Unavailable) routed).reason()).contains("partition 3 has no owner and no standby");
  }

  @Test
  void beforeTheFirstAssignmentEveryRequestIsUnavailable() throws Exception {
    assertThat(router(null).route("u", "/v1/users/u", null, answering("mine"))).isInstanceOf(Routed.Unavailable.class);
  }

  @Test
  void aForwardedRequestIsAnsweredHereOrNotAtAllNeverForwardedAgain() throws Exception {
    Routed routed = router(new KeyLocation(3, peerHost, List.of())).route("u", "/v1/users/u", "active", NOT_HERE);

    assertThat(routed).isInstanceOf(Routed.Unavailable.class);
    assertThat(forwardedAs.get()).isNull();
  }

  @Test
  void aRequestForwardedToAStandbyMayReadItsStaleCopy() throws Exception {
    Routed routed = router(new KeyLocation(3, peerHost, List.of(SELF))).route("u", "/v1/users/u", "standby", answering("copy"));

    Routed.Local local = (Routed.Local) routed;
    assertThat((Object) local.body().orElseThrow()).isEqualTo(Map.of("body", "copy", "stale", true));
    assertThat(local.headers()).containsEntry(RoutingHeaders.STALE, "true");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
