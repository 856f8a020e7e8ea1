package io.influence.scorer.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Items sorted by a value once, with the runs of equal values marked: what rank measures need, on the
 * whole sample and on every bootstrap resample of it, which only changes how many copies of each item
 * there are, never their order.
 */
final class Order {
  private final int[] items;
  private final List<Group> groups;

  private Order(double[] values, Comparator<Integer> comparator) {
    Integer[] sorted = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(sorted, comparator);
    this.items = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
    this.groups = new ArrayList<>();
    int start = 0;
    while (start < items.length) {
      int end = start + 1;
      while (end < items.length && values[items[end]] == values[items[start]]) {
        end++;
      }
      groups.add(new Group(start, end));
      start = end;
    }
  }

  /** Smallest value first. */
  static Order ascending(double[] values) {
    return new Order(values, Comparator.comparingDouble(i -> values[i]));
  }

  /** Largest value first. */
  static Order descending(double[] values) {
    return new Order(values, Comparator.<Integer>comparingDouble(i -> values[i]).reversed());
  }

  /** The item at {@code position} in this order. */
  int item(int position) {
    return items[position];
  }

  /** Runs of equal values, in order. */
  List<Group> groups() {
    return groups;
  }

  /** Positions {@code from} (inclusive) to {@code to} (exclusive) hold equal values. */
  record Group(int from, int to) {}
}
