package io.influence.connector;

import static io.influence.schema.InteractionType.COMMENT;
import static io.influence.schema.InteractionType.FOLLOW;
import static io.influence.schema.InteractionType.LIKE;
import static io.influence.schema.InteractionType.MENTION;
import static io.influence.schema.InteractionType.POST;
import static io.influence.schema.InteractionType.REPLY;
import static io.influence.schema.InteractionType.SHARE;
import static java.util.Objects.requireNonNull;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A synthetic connector: an endless, realistic-looking stream of interactions across five networks,
 * for the demo and for load. The same seed gives the same events (with the same clock readings), so
 * a demo and a test can be replayed.
 *
 * <p>What makes it look real, and exercises the scorer's paths:
 * <ul>
 *   <li>Who receives attention follows Zipf's law, and a few celebrities ({@link #celebrityAccounts()})
 *       receive a large share of it on every network; who acts follows a milder Zipf law.
 *   <li>Each network has its own mix of interaction types (Instagram is mostly likes, LinkedIn has
 *       many follows, only Facebook, Instagram and LinkedIn have comments, ...), including POSTs
 *       without a target.
 *   <li>Everyone has two home topics from {@link #TOPICS}; content carries its author's topics, so an
 *       account's topical influence means something. Some content is tagged {@code #Cooking} style,
 *       and some has no tags but a text that names the topic.
 *   <li>Some events are redelivered (same eventId, as a connector retrying would) and a few are
 *       self-interactions, which the scorer must ignore.
 *   <li>Events occurred shortly before the clock's now, and occasionally minutes late.
 * </ul>
 *
 * <p>Not thread-safe: one thread draws the events.
 */
public final class InteractionSimulator {
  /** The topic vocabulary, most popular first. */
  public static final List<String> TOPICS = List.of("technology", "sports", "music", "politics", "travel", "cooking",
      "business", "health", "fashion", "gaming", "parenting", "science");
  /** Accounts in the simulated world when none is given. */
  public static final int DEFAULT_POPULATION = 20_000;

  static final int CELEBRITY_COUNT = 8;
  /** Of the interactions that have a target, the share aimed at one of the celebrities. */
  static final double CELEBRITY_SHARE = 0.15;
  static final double REDELIVERY_RATE = 0.004;
  static final double SELF_INTERACTION_RATE = 0.002;

  private static final int MIN_POPULATION = 100;
  private static final double POPULARITY_EXPONENT = 1.1;
  private static final double ACTIVITY_EXPONENT = 0.8;
  private static final double TOPIC_POPULARITY_EXPONENT = 0.5;
  private static final double TWO_TOPICS_RATE = 0.3;
  private static final double OFF_TOPIC_RATE = 0.08;
  private static final double HASHTAG_STYLE_RATE = 0.1;
  private static final double UNTAGGED_RATE = 0.1;
  private static final double LATE_RATE = 0.01;
  private static final double MEAN_LAG_MILLIS = 400;
  private static final long MAX_LATENESS_MILLIS = 5 * 60 * 1000;
  private static final int REDELIVERY_WINDOW = 64;
  private static final int POSTS_PER_ACCOUNT = 200;
  private static final List<String> UNTAGGED_TEXTS = List.of(
      "Some thoughts on %s this week.", "Why %s matters more than you think", "A whole weekend of %s!");

  /** How one network behaves: its share of traffic, how many people use it, what they do on it. */
  private record NetworkProfile(String name, double trafficWeight, double membership, Map<InteractionType, Double> typeWeights) {}

  private static final List<NetworkProfile> PROFILES = List.of(
      new NetworkProfile("twitter", 30, 0.6,
          Map.of(LIKE, 34.0, SHARE, 22.0, REPLY, 12.0, MENTION, 12.0, POST, 12.0, FOLLOW, 8.0)),
      new NetworkProfile("facebook", 25, 0.7,
          Map.of(LIKE, 42.0, COMMENT, 18.0, SHARE, 12.0, POST, 14.0, MENTION, 5.0, REPLY, 4.0, FOLLOW, 5.0)),
      new NetworkProfile("linkedin", 12, 0.35,
          Map.of(LIKE, 36.0, COMMENT, 16.0, SHARE, 14.0, POST, 14.0, FOLLOW, 14.0, MENTION, 6.0)),
      new NetworkProfile("instagram", 20, 0.5,
          Map.of(LIKE, 52.0, COMMENT, 18.0, POST, 14.0, FOLLOW, 10.0, MENTION, 6.0)),
      new NetworkProfile("bluesky", 13, 0.15,
          Map.of(LIKE, 32.0, SHARE, 18.0, REPLY, 16.0, POST, 14.0, FOLLOW, 10.0, MENTION, 10.0)));

  /** The networks events come from. */
  public static final List<String> NETWORKS = PROFILES.stream().map(NetworkProfile::name).toList();

  /** One network's population, ranked for drawing targets and actors. */
  private static final class SimulatedNetwork {
    final String name;
    final InteractionType[] types;
    final DiscreteDistribution typeMix;
    /** Members, celebrities first, then in order of decreasing popularity. */
    final int[] byPopularity;
    final DiscreteDistribution popularity;
    /** Members in order of decreasing activity. */
    final int[] byActivity;
    final DiscreteDistribution activity;

    SimulatedNetwork(NetworkProfile profile, int[] byPopularity, int[] byActivity) {
      this.name = profile.name();
      Map<InteractionType, Double> weights = new EnumMap<>(profile.typeWeights());
      this.types = weights.keySet().toArray(InteractionType[]::new);
      this.typeMix = DiscreteDistribution.ofWeights(weights.values().stream().mapToDouble(Double::doubleValue).toArray());
      this.byPopularity = byPopularity;
      this.popularity = DiscreteDistribution.zipf(byPopularity.length, POPULARITY_EXPONENT);
      this.byActivity = byActivity;
      this.activity = DiscreteDistribution.zipf(byActivity.length, ACTIVITY_EXPONENT);
    }
  }

  private final long seed;
  private final Clock clock;
  private final SplittableRandom random;
  private final String[] accounts;
  private final int[][] homeTopics;
  private final List<SimulatedNetwork> networks = new ArrayList<>();
  private final DiscreteDistribution networkMix;
  private final DiscreteDistribution celebrities = DiscreteDistribution.zipf(CELEBRITY_COUNT, 1);
  private final InteractionEvent[] recent = new InteractionEvent[REDELIVERY_WINDOW];
  private long sequence;

  /** A world of {@link #DEFAULT_POPULATION} accounts. */
  public InteractionSimulator(long seed, Clock clock) {
    this(seed, clock, DEFAULT_POPULATION);
  }

  /**
   * @param seed decides the world (who is on which network, who is popular, home topics) and the
   *     events; the same seed and clock readings give the same events
   * @param clock events occurred shortly before its {@code instant()} at the time they are drawn
   * @param population how many accounts the world has, at least 100
   */
  public InteractionSimulator(long seed, Clock clock, int population) {
    if (population < MIN_POPULATION) {
      throw new IllegalArgumentException("population is " + population + "; a simulated world needs at least "
          + MIN_POPULATION + " accounts");
    }
    this.seed = seed;
    this.clock = requireNonNull(clock, "clock");
    this.random = new SplittableRandom(seed);
    this.accounts = IntStream.range(0, population)
        .mapToObj(i -> i < CELEBRITY_COUNT ? "celebrity" + (i + 1) : "user" + i)
        .toArray(String[]::new);
    this.homeTopics = drawHomeTopics(population);
    this.networkMix = DiscreteDistribution.ofWeights(PROFILES.stream().mapToDouble(NetworkProfile::trafficWeight).toArray());
    boolean[][] memberships = drawMemberships(population);
    for (int n = 0; n < PROFILES.size(); n++) {
      int[] members = membersOf(memberships, n);
      int[] byPopularity = members.clone();
      shuffle(byPopularity, CELEBRITY_COUNT);
      int[] byActivity = members.clone();
      shuffle(byActivity, 0);
      networks.add(new SimulatedNetwork(PROFILES.get(n), byPopularity, byActivity));
    }
  }

  /** The accounts that receive a large share of attention on every network. */
  public List<String> celebrityAccounts() {
    return List.of(accounts).subList(0, CELEBRITY_COUNT);
  }

  /** The next interaction: a new one, or now and then a redelivery of a recent one. */
  public InteractionEvent next() {
    if (sequence > 0 && random.nextDouble() < REDELIVERY_RATE) {
      int window = (int) Math.min(sequence, REDELIVERY_WINDOW);
      return copyOf(recent[random.nextInt(window)]);
    }
    InteractionEvent event = freshEvent();
    recent[(int) (sequence % REDELIVERY_WINDOW)] = event;
    sequence++;
    return event;
  }

  /**
   * A redelivery is a new object, as it would be after a round trip through a connector. Not {@code
   * InteractionEvent.newBuilder(event)}: Avro's deep copy looks the enum class up by name, which
   * Avro 1.12 refuses unless io.influence is a trusted package.
   */
  private static InteractionEvent copyOf(InteractionEvent event) {
    return new InteractionEvent(event.getEventId(), event.getNetwork(), event.getType(), event.getActorAccount(),
        event.getTargetAccount(), event.getContentId(), event.getTopics(), event.getText(), event.getOccurredAt());
  }

  private InteractionEvent freshEvent() {
    SimulatedNetwork network = networks.get(networkMix.sample(random));
    InteractionType type = network.types[network.typeMix.sample(random)];
    int actor = network.byActivity[network.activity.sample(random)];
    int target = type == POST ? -1 : drawTarget(network, actor);
    int author = switch (type) {
      case POST, MENTION -> actor;
      case FOLLOW -> -1;
      default -> target;
    };
    List<String> topics = author < 0 ? List.of() : drawTopics(author);
    String text = null;
    if (!topics.isEmpty() && random.nextDouble() < UNTAGGED_RATE) {
      text = String.format(Locale.ROOT, UNTAGGED_TEXTS.get(random.nextInt(UNTAGGED_TEXTS.size())), topics.get(0));
      topics = List.of();
    } else {
      topics = topics.stream().map(this::tagged).toList();
    }
    return InteractionEvent.newBuilder()
        .setEventId("sim-" + Long.toUnsignedString(seed, 36) + "-" + sequence)
        .setNetwork(network.name)
        .setType(type)
        .setActorAccount(accounts[actor])
        .setTargetAccount(target < 0 ? null : accounts[target])
        .setContentId(contentId(type, actor, target))
        .setTopics(topics)
        .setText(text)
        .setOccurredAt(drawOccurredAt())
        .build();
  }

  private int drawTarget(SimulatedNetwork network, int actor) {
    if (random.nextDouble() < SELF_INTERACTION_RATE) {
      return actor;
    }
    int target;
    do {
      int rank = random.nextDouble() < CELEBRITY_SHARE ? celebrities.sample(random) : network.popularity.sample(random);
      target = network.byPopularity[rank];
    } while (target == actor);
    return target;
  }

  /** Content is about its author's home topics, mostly one of them, sometimes both, rarely another. */
  private List<String> drawTopics(int author) {
    int[] home = homeTopics[author];
    if (random.nextDouble() < OFF_TOPIC_RATE) {
      return List.of(TOPICS.get(random.nextInt(TOPICS.size())));
    }
    if (random.nextDouble() < TWO_TOPICS_RATE) {
      return List.of(TOPICS.get(home[0]), TOPICS.get(home[1]));
    }
    return List.of(TOPICS.get(home[random.nextInt(2)]));
  }

  /** Some networks' tags arrive as hashtags; the scorer normalises them. */
  private String tagged(String topic) {
    return random.nextDouble() < HASHTAG_STYLE_RATE
        ? "#" + Character.toUpperCase(topic.charAt(0)) + topic.substring(1)
        : topic;
  }

  private String contentId(InteractionType type, int actor, int target) {
    return switch (type) {
      case POST, MENTION -> accounts[actor] + "/posts/" + sequence;
      case FOLLOW -> accounts[target] + "/profile";
      default -> accounts[target] + "/posts/" + random.nextInt(POSTS_PER_ACCOUNT);
    };
  }

  /** Connectors deliver within about a second; one event in a hundred arrives minutes late. */
  private Instant drawOccurredAt() {
    long lagMillis = random.nextDouble() < LATE_RATE
        ? random.nextLong(MAX_LATENESS_MILLIS)
        : (long) (-MEAN_LAG_MILLIS * Math.log(1 - random.nextDouble()));
    return clock.instant().minusMillis(lagMillis).truncatedTo(ChronoUnit.MILLIS);
  }

  private int[][] drawHomeTopics(int population) {
    DiscreteDistribution topicPopularity = DiscreteDistribution.zipf(TOPICS.size(), TOPIC_POPULARITY_EXPONENT);
    int[][] topics = new int[population][];
    for (int account = 0; account < population; account++) {
      int first = topicPopularity.sample(random);
      int second;
      do {
        second = topicPopularity.sample(random);
      } while (second == first);
      topics[account] = new int[] {first, second};
    }
    return topics;
  }

  /** Celebrities are everywhere; everyone else joins each network with its membership rate, and at least one. */
  private boolean[][] drawMemberships(int population) {
    boolean[][] memberships = new boolean[population][PROFILES.size()];
    for (int account = 0; account < population; account++) {
      boolean anywhere = false;
      for (int n = 0; n < PROFILES.size(); n++) {
        memberships[account][n] = account < CELEBRITY_COUNT || random.nextDouble() < PROFILES.get(n).membership();
        anywhere |= memberships[account][n];
      }
      if (!anywhere) {
        memberships[account][networkMix.sample(random)] = true;
      }
    }
    return memberships;
  }

  private static int[] membersOf(boolean[][] memberships, int network) {
    return IntStream.range(0, memberships.length).filter(account -> memberships[account][network]).toArray();
  }

  /** Fisher–Yates shuffle of {@code values[from..]}, leaving the first {@code from} in place. */
  private void shuffle(int[] values, int from) {
    for (int i = values.length - 1; i > from; i--) {
      int j = from + random.nextInt(i - from + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
