package io.influence.scorer.topology;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys of an index ordered by a number (a due time, a day), then by an id: a store's range scan then
 * visits the entries in numeric order, so a punctuator can take the ones that are due and stop.
 *
 * <p>The number comes first as 20 digits: flipping the sign bit maps signed order onto unsigned order,
 * and the unsigned value zero-padded to 20 digits sorts as text (and as UTF-8 bytes) in numeric order.
 */
final class OrderedKeys {
  private static final String SEPARATOR = "|";
  private static final int DIGITS = 20;

  private OrderedKeys() {}

  /** The index key of {@code id} at {@code order}. */
  static String of(long order, String id) {
    return digits(order) + SEPARATOR + id;
  }

  /**
   * The index entries whose order is at most {@code lastOrder}, in order. The upper bound is the next
   * order's digits alone, which sort after every key of {@code lastOrder} and before every key of the
   * next, whatever characters the ids hold.
   */
  static <V> KeyValueIterator<String, V> upTo(KeyValueStore<String, V> index, long lastOrder) {
    return index.range(digits(Long.MIN_VALUE), digits(lastOrder + 1));
  }

  private static String digits(long order) {
    String unsigned = Long.toUnsignedString(order ^ Long.MIN_VALUE);
    return "0".repeat(DIGITS - unsigned.length()) + unsigned;
  }
}
