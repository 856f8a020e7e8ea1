package io.influence.scorer.query;

import io.influence.scorer.query.KeyLocator.KeyLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request about one user from wherever the user's state is: here if this instance owns it,
 * else from the owner by forwarding; when the owner cannot answer (down, rebalancing, restoring), from
 * a standby replica, marked stale with its lag; when nothing can, {@link Routed.Unavailable}.
 *
 * <p>A forwarded request carries {@link RoutingHeaders#FORWARDED}, and is answered from the receiver's
 * own state or not at all: one hop at most, so two instances with different views of the assignment
 * during a rebalance cannot pass a request back and forth.
 */
public final class UserRouter {
  private static final Logger log = LoggerFactory.getLogger(UserRouter.class);

  private final HostInfo self;
  private final Locations locations;
  private final RequestForwarder forwarder;
  private final Lags lags;

  /**
   * @param self this instance's {@code application.server}
   * @param locations where users live ({@link KeyLocator#locate})
   * @param lags how far this instance's copies are behind ({@link KeyLocator#localOffsetLag})
   */
  public UserRouter(HostInfo self, Locations locations, RequestForwarder forwarder, Lags lags) {
    this.self = self;
    this.locations = locations;
    this.forwarder = forwarder;
    this.lags = lags;
  }

  /** Where a user's state lives; empty before the first assignment. */
  @FunctionalInterface
  public interface Locations {
    Optional<KeyLocation> locate(String userId);
  }

  /** How many records this instance's copy of a partition is behind. */
  @FunctionalInterface
  public interface Lags {
    Optional<Long> offsetLag(int partition);
  }

  /** What this instance's copy of the user's partition says; empty if the user is unknown there. */
  @FunctionalInterface
  public interface LocalAnswer {
    Optional<?> read(StoreScope scope);
  }

  /** Where an answer came from. */
  public sealed interface Routed {
    /** Read here; {@code body} is empty when the user is unknown. */
    record Local(Optional<?> body, Map<String, String> headers) implements Routed {}

    /** Another instance's answer, relayed as it came. */
    record Forwarded(RequestForwarder.Answer answer) implements Routed {}

    /** No copy of the user's state could answer; asking again shortly may work. */
    record Unavailable(String reason) implements Routed {}
  }

  /**
   * @param pathAndQuery this request's path and query, to forward as they are
   * @param forwardedAs the request's {@link RoutingHeaders#FORWARDED} header, or null if a client sent it
   */
  public Routed route(String userId, String pathAndQuery, String forwardedAs, LocalAnswer local) throws InterruptedException {
    Optional<KeyLocation> located = locations.locate(userId);
    if (located.isEmpty()) {
      return new Routed.Unavailable("no instance has been assigned the user's partition yet");
    }
    KeyLocation at = located.get();
    if (forwardedAs != null) {
      boolean staleAllowed = RoutingHeaders.TO_STANDBY.equals(forwardedAs);
      return tryLocal(local, at, staleAllowed ? StoreScope.anyReplica(at.partition()) : StoreScope.active(at.partition()))
          .orElseGet(() -> new Routed.Unavailable("this instance holds no queryable copy of partition " + at.partition()));
    }
    List<String> failures = new ArrayList<>();
    if (at.hasActive()) {
      Optional<Routed> fromOwner = isSelf(at.active())
          ? tryLocal(local, at, StoreScope.active(at.partition()))
          : tryForward(at.active(), pathAndQuery, RoutingHeaders.TO_ACTIVE, failures);
      if (fromOwner.isPresent()) {
        return fromOwner.get();
      }
      failures.add("owner " + at.active() + " could not answer");
    }
    for (HostInfo standby : selfFirst(at)) {
      Optional<Routed> fromStandby = isSelf(standby)
          ? tryLocal(local, at, StoreScope.anyReplica(at.partition()))
          : tryForward(standby, pathAndQuery, RoutingHeaders.TO_STANDBY, failures);
      if (fromStandby.isPresent()) {
        return fromStandby.get();
      }
    }
    if (failures.isEmpty()) {
      return new Routed.Unavailable("partition " + at.partition() + " has no owner and no standby right now (a rebalance)");
    }
    return new Routed.Unavailable("no copy of partition " + at.partition() + " could answer: " + String.join("; ", failures));
  }

  private Optional<Routed> tryLocal(LocalAnswer local, KeyLocation at, StoreScope scope) {
    Optional<?> body;
    try {
      body = local.read(scope);
    } catch (StoreUnavailableException e) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(RoutingHeaders.SERVED_BY, self.host() + ":" + self.port());
    // A copy that was allowed to lag is marked so, even if it happens to be the active one now: its lag says how far.
    headers.put(RoutingHeaders.STALE, Boolean.toString(scope.staleAllowed()));
    if (scope.staleAllowed()) {
      lags.offsetLag(at.partition()).ifPresent(lag -> headers.put(RoutingHeaders.OFFSET_LAG, Long.toString(lag)));
    }
    return Optional.of(new Routed.Local(body, headers));
  }

  private Optional<Routed> tryForward(HostInfo host, String pathAndQuery, String mode, List<String> failures) throws InterruptedException {
    try {
      return Optional.of(new Routed.Forwarded(forwarder.get(host, pathAndQuery, mode)));
    } catch (RequestForwarder.ForwardingFailed e) {
      log.debug("Forwarding {} to {} failed: {}", pathAndQuery, host, e.getMessage());
      failures.add(e.getMessage());
      return Optional.empty();
    }
  }

  /** This instance first: a local standby answers without a network hop. */
  private List<HostInfo> selfFirst(KeyLocation at) {
    List<HostInfo> hosts = new ArrayList<>();
    if (at.standbys().contains(self) || (at.hasActive() && isSelf(at.active()))) {
      hosts.add(self);
    }
    at.standbys().stream().filter(host -> !isSelf(host)).forEach(hosts::add);
    return hosts;
  }

  private boolean isSelf(HostInfo host) {
    return self.equals(host);
  }
}
