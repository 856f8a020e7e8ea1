package io.influence.connector;

/**
 * How far a replay of an {@link EventSource} has come.
 *
 * @param published events handed to Kafka; in the final counts, every one is acknowledged
 * @param rejected lines that could not become events
 */
public record ReplayCounts(long published, long rejected) {}
