package io.influence.scorer.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What {@code GET /v1/instances} returns: every instance of the application, the partitions and stores
 * it hosts (active and standby), and how far behind its stores are. Kafka Streams' metadata says who
 * hosts what; only each instance knows its own lag, so the others are asked for theirs
 * ({@code GET /v1/instances/local}), each within the forwarding timeout.
 */
public final class InstanceDirectory {
  private final KafkaStreams streams;
  private final KeyLocator locator;
  private final RequestForwarder forwarder;
  private final ObjectMapper json;

  public InstanceDirectory(KafkaStreams streams, KeyLocator locator, RequestForwarder forwarder, ObjectMapper json) {
    this.streams = streams;
    this.locator = locator;
    this.forwarder = forwarder;
    this.json = json;
  }

  /** One instance, as the group's metadata describes it, with its own report when it could be had. */
  public record InstanceView(
      String instance,
      boolean self,
      List<String> activePartitions,
      List<String> standbyPartitions,
      List<String> stores,
      List<String> standbyStores,
      LocalStatus status,
      String error) {}

  /**
   * One instance's own report.
   *
   * @param state the Kafka Streams client's state
   * @param storeLags for every store partition this instance holds, active or standby, how far it is behind its changelog
   */
  public record LocalStatus(String instance, String state, List<StoreLag> storeLags) {}

  public record StoreLag(String store, int partition, long currentOffset, long endOffset, long offsetLag) {}

  public record Instances(String servedBy, List<InstanceView> instances) {}

  public Instances all() throws InterruptedException {
    List<InstanceView> views = new ArrayList<>();
    List<StreamsMetadata> clients = new ArrayList<>(streams.metadataForAllStreamsClients());
    clients.sort(Comparator.comparing(client -> name(client.hostInfo())));
    for (StreamsMetadata client : clients) {
      boolean self = locator.isSelf(client.hostInfo());
      LocalStatus status = null;
      String error = null;
      if (self) {
        status = local();
      } else {
        try {
          RequestForwarder.Answer answer = forwarder.get(client.hostInfo(), "/v1/instances/local", null);
          status = json.readValue(answer.body(), LocalStatus.class);
        } catch (RequestForwarder.ForwardingFailed | JsonProcessingException e) {
          error = e.getMessage();
        }
      }
      views.add(new InstanceView(name(client.hostInfo()), self, partitions(client.topicPartitions()),
          partitions(client.standbyTopicPartitions()), sorted(client.stateStoreNames()), sorted(client.standbyStateStoreNames()),
          status, error));
    }
    return new Instances(name(locator.self()), views);
  }

  /** This instance's own report. */
  public LocalStatus local() {
    List<StoreLag> lags = new ArrayList<>();
    Map<String, Map<Integer, LagInfo>> byStore = streams.state().isRunningOrRebalancing() ? streams.allLocalStorePartitionLags() : Map.of();
    byStore.forEach((store, partitions) -> partitions.forEach((partition, lag) ->
        lags.add(new StoreLag(store, partition, lag.currentOffsetPosition(), lag.endOffsetPosition(), lag.offsetLag()))));
    lags.sort(Comparator.comparing(StoreLag::store).thenComparingInt(StoreLag::partition));
    return new LocalStatus(name(locator.self()), streams.state().name(), lags);
  }

  private static String name(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  private static List<String> partitions(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::toString).sorted().toList();
  }

  private static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
