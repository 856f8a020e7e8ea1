package io.influence.scorer.query;

import io.influence.scorer.topology.ScoringTopology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance holds a user's state, active and standby, by Kafka Streams' metadata for the
 * user-influence store. Every user-keyed store is in the same task, so the answer holds for all of them.
 */
public final class KeyLocator {
  private static final Logger log = LoggerFactory.getLogger(KeyLocator.class);
  private static final Serializer<String> USER_IDS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;

  public KeyLocator(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /**
   * Where {@code userId} lives.
   *
   * @param partition the partition of the by-target topic that holds the user
   * @param active the instance that owns it; {@link HostInfo#unavailable()} while it is being reassigned
   * @param standbys instances with a standby copy
   */
  public record KeyLocation(int partition, HostInfo active, List<HostInfo> standbys) {
    public boolean hasActive() {
      return !active.equals(HostInfo.unavailable());
    }
  }

  /** Empty while no metadata is known, before the first assignment. */
  public Optional<KeyLocation> locate(String userId) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(ScoringTopology.USER_INFLUENCE_STORE, userId, USER_IDS);
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    return Optional.of(new KeyLocation(metadata.partition(), metadata.activeHost(), List.copyOf(metadata.standbyHosts())));
  }

  public HostInfo self() {
    return self;
  }

  /** Every other instance of the application, as the group's metadata knows them; none before the client starts. */
  public List<HostInfo> otherInstances() {
    if (streams.state() == KafkaStreams.State.CREATED) {
      return List.of();
    }
    return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo).filter(host -> !isSelf(host)).toList();
  }

  public boolean isSelf(HostInfo host) {
    return self.equals(host);
  }

  /** How far this instance's copy of a partition of the user-influence store is behind; asks the broker. */
  public Optional<Long> localOffsetLag(int partition) {
    try {
      Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().get(ScoringTopology.USER_INFLUENCE_STORE);
      return Optional.ofNullable(lags == null ? null : lags.get(partition)).map(LagInfo::offsetLag);
    } catch (RuntimeException e) {
      log.debug("Could not read the lag of partition {}: {}", partition, e.getMessage());
      return Optional.empty();
    }
  }
}
