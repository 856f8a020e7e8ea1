package io.influence.scorer.config;

import java.net.URI;
import io.influence.scorer.model.EngagementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Readers for setting values; each throws {@link IllegalArgumentException} saying what was expected. */
public final class Parsers {
  private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+)\\s*([KkMmGg][Ii][Bb])?");

  private Parsers() {}

  static Function<String, String> nonBlank() {
    return text -> {
      if (text.isBlank()) {
        throw new IllegalArgumentException("must not be blank");
      }
      return text;
    };
  }

  static Function<String, Integer> intBetween(int min, int max) {
    return text -> {
      int value;
      try {
        value = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must lie between " + min + " and " + max);
      }
      return value;
    };
  }

  static Function<String, Double> doubleBetween(double min, double max) {
    return text -> {
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number");
      }
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException("must lie between " + min + " and " + max);
      }
      return value;
    };
  }

  static Function<String, Boolean> bool() {
    return text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  /** A size in bytes, as a whole number with an optional binary unit: KiB, MiB, GiB ({@code 256MiB}). */
  static Function<String, Long> bytesBetween(long min, long max) {
    return text -> {
      Matcher size = BYTE_SIZE.matcher(text.strip());
      if (!size.matches()) {
        throw new IllegalArgumentException("expected a size such as 256MiB, 1GiB or a number of bytes");
      }
      int shift = switch (size.group(2) == null ? "" : size.group(2).toLowerCase(Locale.ROOT)) {
        case "kib" -> 10;
        case "mib" -> 20;
        case "gib" -> 30;
        default -> 0;
      };
      long value;
      try {
        value = Math.multiplyExact(Long.parseLong(size.group(1)), 1L << shift);
      } catch (ArithmeticException | NumberFormatException tooLargeForALong) {
        value = Long.MAX_VALUE;
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must lie between " + min + " and " + max + " bytes");
      }
      return value;
    };
  }

  /** A duration as ISO-8601 ({@code PT24H}, {@code P35D}) or a number with a unit: ms, s, m, h, d. */
  public static Function<String, Duration> positiveDuration() {
    return text -> {
      Duration value = parseDuration(text);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("must be positive");
      }
      return value;
    };
  }

  private static Duration parseDuration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      for (var unit : List.of(new Unit("ms", Duration.ofMillis(1)), new Unit("s", Duration.ofSeconds(1)),
          new Unit("m", Duration.ofMinutes(1)), new Unit("h", Duration.ofHours(1)), new Unit("d", Duration.ofDays(1)))) {
        if (lower.endsWith(unit.suffix) && !(unit.suffix.equals("s") && lower.endsWith("ms"))) {
          long amount = Long.parseLong(lower.substring(0, lower.length() - unit.suffix.length()).strip());
          return unit.size.multipliedBy(amount);
        }
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("expected a duration such as 35d, 24h, 500ms or P35D");
  }

  private record Unit(String suffix, Duration size) {}

  static Function<String, Pattern> regex() {
    return text -> {
      try {
        return Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
      }
    };
  }

  static Function<String, URI> httpUrl() {
    return text -> {
      URI uri;
      try {
        uri = URI.create(text.split(",")[0].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a URL");
      }
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("expected an http(s) URL such as http://localhost:8081");
      }
      return URI.create(text.strip());
    };
  }

  /** {@code host:port}, as Kafka Streams' application.server wants it. */
  static Function<String, HostAndPort> hostAndPort() {
    return HostAndPort::parse;
  }

  /** A comma-separated list of {@code host:port}. */
  static Function<String, String> hostAndPortList() {
    return text -> {
      Arrays.stream(text.split(",")).map(String::strip).forEach(HostAndPort::parse);
      return text;
    };
  }

  static <E extends Enum<E>> Function<String, E> oneOf(Class<E> type) {
    return text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    };
  }

  /** {@code share=1,mention=0.8}: weights of the named interaction types; the others keep their defaults. */
  static Function<String, Map<EngagementType, Double>> typeWeights() {
    return text -> {
      Map<EngagementType, Double> weights = new EnumMap<>(EngagementType.class);
      for (String pair : text.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        String[] parts = pair.split("=", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected type=weight pairs such as share=1,mention=0.8");
        }
        EngagementType type = oneOf(EngagementType.class).apply(parts[0].strip());
        weights.put(type, doubleBetween(0, 1000).apply(parts[1].strip()));
      }
      return weights;
    };
  }

  /** A readable file, or nothing when blank. */
  /** Comma-separated values, blank ones dropped; empty when blank. */
  static Function<String, List<String>> commaSeparated() {
    return text -> Arrays.stream(text.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
  }

  /** Any text, or nothing when blank. */
  static Function<String, Optional<String>> optionalText() {
    return text -> text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  static Function<String, Optional<Path>> optionalReadableFile() {
    return text -> {
      if (text.isBlank()) {
        return Optional.empty();
      }
      Path file = Path.of(text);
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("no readable file there");
      }
      return Optional.of(file);
    };
  }

  static Function<String, Path> path() {
    return text -> Path.of(nonBlank().apply(text));
  }
}
