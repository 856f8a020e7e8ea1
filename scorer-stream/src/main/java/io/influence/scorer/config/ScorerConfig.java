package io.influence.scorer.config;

import io.influence.connector.PublisherSettings;
import io.influence.registry.RegistryClientListener;
import io.influence.registry.RegistryClientSecurity;
import io.influence.registry.PropertiesFile;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.model.EngagementType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The service's configuration, typed and validated when it is loaded.
 *
 * <p>Each setting is read from, in order of precedence: a command-line flag, an environment variable
 * {@code SCORER_<KEY>} ({@code http.port} → {@code SCORER_HTTP_PORT}), a properties file, and its
 * default, which works on the embedded stack. A value that cannot be used, or a key nobody knows
 * (a typo), fails at start-up with the setting's name. Keys under {@code kafka.} pass through to the
 * Kafka clients with the prefix removed ({@code kafka.sasl.mechanism}, {@code SCORER_KAFKA_SASL_MECHANISM}).
 */
public final class ScorerConfig {
  public static final String KAFKA_PREFIX = "kafka.";
  private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@,]+@");

  public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("bootstrap.servers", "localhost:9092",
      Parsers.hostAndPortList(), "Kafka brokers to connect to, host:port[,host:port...]");
  public static final Setting<java.net.URI> SCHEMA_REGISTRY_URL = new Setting<>("schema.registry.url", "http://localhost:8081",
      Parsers.httpUrl(), "Confluent-compatible Schema Registry");
  public static final Setting<Optional<String>> SCHEMA_REGISTRY_USER_INFO = new Setting<>("schema.registry.basic.auth.user.info", "",
      Parsers.optionalText(), "user:password for a registry that asks for HTTP basic auth (default: the URL's user:password@, if any)");
  public static final Setting<Optional<Path>> SCHEMA_REGISTRY_TRUSTSTORE = new Setting<>("schema.registry.ssl.truststore.location", "",
      Parsers.optionalReadableFile(), "PKCS12 truststore for an https registry whose certificate the JDK does not trust");
  public static final Setting<Optional<String>> SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD = new Setting<>(
      "schema.registry.ssl.truststore.password", "", Parsers.optionalText(), "Password of that truststore");
  public static final Setting<String> APPLICATION_ID = new Setting<>("application.id", "influence-scorer",
      Parsers.nonBlank(), "Kafka Streams application id; instances with the same id share the work");
  public static final Setting<Pattern> INPUT_PATTERN = new Setting<>("input.pattern", "interactions\\.[^.]+",
      Parsers.regex(), "Regular expression of the connector topics to read (dead-letter topics <input>.dlq must not match); one that names a single topic, such as interactions\\.twitter, is subscribed by name");
  public static final Setting<String> OUTPUT_TOPIC = new Setting<>("output.topic", "influence-scores",
      Parsers.nonBlank(), "Compacted topic the scores are published to, keyed by userId");
  public static final Setting<String> ACCOUNT_LINKS_TOPIC = new Setting<>("account.links.topic", "account-links",
      Parsers.nonBlank(), "Compacted topic of AccountLink records, keyed by <network>:<account>");
  public static final Setting<String> ERASURES_TOPIC = new Setting<>("erasures.topic", "influence-erasures",
      Parsers.nonBlank(), "Compacted topic of ErasureRequest records, keyed by the user to forget (docs/SECURITY.md)");
  public static final Setting<Integer> HTTP_PORT = new Setting<>("http.port", "8080",
      Parsers.intBetween(1, 65535), "Port of the HTTP API, health and metrics");
  public static final Setting<HostAndPort> APPLICATION_SERVER = new Setting<>("application.server", null,
      Parsers.hostAndPort(), "host:port other instances reach this one's HTTP API at (default localhost:<http.port>)");
  public static final Setting<Duration> FORWARD_TIMEOUT = new Setting<>("http.forward.timeout", "2s",
      Parsers.positiveDuration(), "How long a request forwarded to the instance that holds the key may take before a standby is asked");
  public static final Setting<Optional<Path>> HTTP_TOKENS_FILE = new Setting<>("http.tokens.file", "",
      Parsers.optionalReadableFile(), "File of name:token lines; /v1 then needs Authorization: Bearer <token> (default: open)");
  public static final Setting<Optional<Path>> HTTP_METRICS_TOKENS_FILE = new Setting<>("http.metrics.tokens.file", "",
      Parsers.optionalReadableFile(), "File of name:token lines for /metrics alone (default: open, for Prometheus)");
  public static final Setting<Optional<String>> HTTP_FORWARD_TOKEN = new Setting<>("http.forward.token", "",
      Parsers.optionalText(), "The token instances forward queries to each other with; required with http.tokens.file");
  public static final Setting<List<String>> HTTP_CORS_ORIGINS = new Setting<>("http.cors.origins", "",
      Parsers.commaSeparated(), "Origins a browser may call the API from, e.g. https://app.example.com (default: none)");
  public static final Setting<Double> HTTP_RATE_LIMIT = new Setting<>("http.rate.limit", "100",
      Parsers.doubleBetween(0, 1_000_000), "Requests per second per client address, with bursts of twice as many; 0 turns it off");
  public static final Setting<Long> HTTP_MAX_HEADER_BYTES = new Setting<>("http.max.header.bytes", "8KiB",
      Parsers.bytesBetween(1024, 1024 * 1024), "Largest request line and headers accepted");
  public static final Setting<Duration> HTTP_IDLE_TIMEOUT = new Setting<>("http.idle.timeout", "30s",
      Parsers.positiveDuration(), "How long a connection may send nothing before it is closed (slow clients)");
  public static final Setting<Optional<Path>> HTTP_TLS_KEYSTORE = new Setting<>("http.tls.keystore.location", "",
      Parsers.optionalReadableFile(), "PKCS12 key store of the API's certificate; the API then serves HTTPS only");
  public static final Setting<Optional<String>> HTTP_TLS_KEYSTORE_PASSWORD = new Setting<>("http.tls.keystore.password", "",
      Parsers.optionalText(), "Password of that key store");
  public static final Setting<Optional<Path>> HTTP_TLS_TRUSTSTORE = new Setting<>("http.tls.truststore.location", "",
      Parsers.optionalReadableFile(), "PKCS12 trust store for other instances' certificates, when the JDK does not trust them");
  public static final Setting<Optional<String>> HTTP_TLS_TRUSTSTORE_PASSWORD = new Setting<>("http.tls.truststore.password", "",
      Parsers.optionalText(), "Password of that trust store");
  public static final Setting<Path> STATE_DIR = new Setting<>("state.dir",
      Path.of(System.getProperty("java.io.tmpdir"), "influence-scorer").toString(),
      Parsers.path(), "Directory of the RocksDB state stores");
  public static final Setting<ProcessingGuarantee> PROCESSING_GUARANTEE = new Setting<>("processing.guarantee", "exactly_once_v2",
      Parsers.oneOf(ProcessingGuarantee.class), "exactly_once_v2 or at_least_once");
  public static final Setting<Duration> COMMIT_INTERVAL = new Setting<>("commit.interval", "25ms",
      Parsers.positiveDuration(), "How often offsets are committed and, with them, scores published: an event crosses three transactions, so this sets its latency (docs/ARCHITECTURE.md, Processing guarantee)");
  public static final Setting<Integer> STREAM_THREADS = new Setting<>("stream.threads", "1",
      Parsers.intBetween(1, 64), "Stream threads in this instance");
  public static final Setting<Long> STATE_MEMORY = new Setting<>("state.memory", "256MiB",
      Parsers.bytesBetween(16L << 20, 1L << 40),
      "Off-heap memory all RocksDB stores of this instance share: block cache, index and filter blocks, and memtables (at most half of it); see docs/OPERATIONS.md, Memory and capacity");
  public static final Setting<Boolean> STATE_TRANSACTIONAL = new Setting<>("state.transactional", "true", Parsers.bool(),
      "Hold the state writes of each transaction apart until Kafka commits it (Kafka Streams' transactional state stores), "
          + "so that a restart after a crash keeps the stores as of their last flush to disk where exactly_once_v2 alone "
          + "wipes them and restores them from the changelogs (docs/OPERATIONS.md, Failure modes)");
  public static final Setting<Boolean> STATE_CHANGELOGS = new Setting<>("state.changelogs", "true", Parsers.bool(),
      "Back every state store with a changelog topic, from which a store lost or moved to another instance is rebuilt. "
          + "false only for one instance whose state is thrown away at the end (replay's default): 'run' refuses it, standby "
          + "replicas need changelogs, and a task that starts a second time stops the instance (docs/OPERATIONS.md, Failure modes)");
  public static final Setting<Integer> STANDBY_REPLICAS = new Setting<>("standby.replicas", "1",
      Parsers.intBetween(0, 8), "Standby copies of each state store on other instances, for fail-over and queries");
  public static final Setting<Integer> REPLICATION_FACTOR = new Setting<>("replication.factor", "-1",
      Parsers.intBetween(-1, 16), "Replication of the topics the service creates; -1 takes the broker's default");
  public static final Setting<Integer> TOPIC_PARTITIONS = new Setting<>("topic.partitions", "4",
      Parsers.intBetween(1, 1024), "Partitions of the topics the service creates: output, dead letters, and the repartition topic (changing it needs an application reset)");
  public static final Setting<Duration> STANDING_HALF_LIFE = new Setting<>("scoring.standing.half.life", "180d",
      Parsers.positiveDuration(), "Half-life of the long-standing influence a user's received engagement builds");
  public static final Setting<Duration> MOMENTUM_HALF_LIFE = new Setting<>("scoring.momentum.half.life", "84h",
      Parsers.positiveDuration(), "Half-life of a user's recent momentum; shorter than the standing's");
  public static final Setting<Double> MOMENTUM_WEIGHT = new Setting<>("scoring.momentum.weight", "0.1",
      Parsers.doubleBetween(0, 0.99), "How much the momentum moves the standing, on the log scale (0 ignores it)");
  public static final Setting<Double> MOMENTUM_CAP = new Setting<>("scoring.momentum.cap", "1.5",
      Parsers.doubleBetween(1, 1_000_000), "The most a burst can multiply the standing by, before the weight");
  public static final Setting<Duration> PAIR_HALF_LIFE = new Setting<>("scoring.pair.half.life", "7d",
      Parsers.positiveDuration(), "Half-life of the count of one actor's engagements of one target (repeats count less)");
  public static final Setting<Boolean> ACTOR_WEIGHTING = new Setting<>("scoring.actor.weighting", "true",
      Parsers.bool(), "Weigh each interaction by the actor's own score");
  public static final Setting<Map<EngagementType, Double>> TYPE_WEIGHTS = new Setting<>("scoring.weights", "",
      Parsers.typeWeights(), "Influence of each interaction type, e.g. share=1,mention=0.8; unnamed types keep their defaults");
  public static final Setting<Optional<Path>> TOPIC_DICTIONARY = new Setting<>("topics.dictionary", "",
      Parsers.optionalReadableFile(), "Properties file of keyword=topic for content without tags (default: the built-in dictionary)");
  public static final Setting<Double> SELECTIVITY_FREE_ACTIONS = new Setting<>("scoring.selectivity.free.actions", "5",
      Parsers.doubleBetween(1, 10_000), "Likes and shares an actor makes in a day before each counts less (Klout's selectivity)");
  public static final Setting<Double> DECAY_MIN_SCORE_CHANGE = new Setting<>("decay.min.score.change", "0.5",
      Parsers.doubleBetween(0.01, 100), "How far a score must fall by decay alone before it is published again");
  public static final Setting<Duration> DECAY_REVIEW_INTERVAL = new Setting<>("decay.review.interval", "30s",
      Parsers.positiveDuration(), "How often live traffic is reviewed for decay (replays are reviewed every hour of event time)");
  public static final Setting<Duration> LATE_GRACE = new Setting<>("late.grace", "24h",
      Parsers.positiveDuration(), "How far behind stream time an event may arrive and still be scored; later ones are dead letters (late)");
  public static final Setting<Duration> FUTURE_TOLERANCE = new Setting<>("future.tolerance", "5m",
      Parsers.positiveDuration(), "How far ahead of the wall clock an event may be stamped; further ones are dead letters (future)");
  public static final Setting<Duration> DEDUPLICATION_WINDOW = new Setting<>("dedup.window", "7d",
      Parsers.positiveDuration(), "How long an event id is remembered, so that a connector's redelivery counts once");
  public static final Setting<Double> MIN_SCORE_CHANGE = new Setting<>("emit.min.score.change", "0.01",
      Parsers.doubleBetween(0, 100), "Smallest score change that is published (a topic change always is)");
  public static final Setting<LogFormat> LOG_FORMAT = new Setting<>("log.format", "text",
      Parsers.oneOf(LogFormat.class), "text, or json for one JSON object per line (read by logback at start)");
  public static final Setting<String> LOG_LEVEL = new Setting<>("log.level", "INFO",
      Parsers.oneOf(LogLevel.class).andThen(Enum::name), "Level of the service's own loggers");
  public static final Setting<RecordingLevel> METRICS_RECORDING_LEVEL = new Setting<>("metrics.recording.level", "info",
      Parsers.oneOf(RecordingLevel.class),
      "Kafka Streams metrics: info, or debug for per-task latencies and RocksDB statistics (costs throughput, see docs/OPERATIONS.md)");
  public static final Setting<Duration> METRICS_REFRESH = new Setting<>("metrics.refresh", "10s",
      Parsers.positiveDuration(), "How soon meters of new stream threads, tasks and stores appear in /metrics, and how often consumer lag is summed");

  private static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_USER_INFO,
      SCHEMA_REGISTRY_TRUSTSTORE, SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, APPLICATION_ID,
      INPUT_PATTERN, OUTPUT_TOPIC, ACCOUNT_LINKS_TOPIC, ERASURES_TOPIC, HTTP_PORT, APPLICATION_SERVER, FORWARD_TIMEOUT,
      HTTP_TOKENS_FILE, HTTP_METRICS_TOKENS_FILE, HTTP_FORWARD_TOKEN, HTTP_CORS_ORIGINS, HTTP_RATE_LIMIT, HTTP_MAX_HEADER_BYTES,
      HTTP_IDLE_TIMEOUT, HTTP_TLS_KEYSTORE, HTTP_TLS_KEYSTORE_PASSWORD, HTTP_TLS_TRUSTSTORE, HTTP_TLS_TRUSTSTORE_PASSWORD, STATE_DIR, PROCESSING_GUARANTEE,
      COMMIT_INTERVAL, STREAM_THREADS, STATE_MEMORY, STATE_TRANSACTIONAL, STATE_CHANGELOGS, STANDBY_REPLICAS, REPLICATION_FACTOR, TOPIC_PARTITIONS, STANDING_HALF_LIFE,
      MOMENTUM_HALF_LIFE, MOMENTUM_WEIGHT, MOMENTUM_CAP, PAIR_HALF_LIFE,
      ACTOR_WEIGHTING, TYPE_WEIGHTS, SELECTIVITY_FREE_ACTIONS, TOPIC_DICTIONARY, DEDUPLICATION_WINDOW, LATE_GRACE, FUTURE_TOLERANCE, DECAY_MIN_SCORE_CHANGE, DECAY_REVIEW_INTERVAL, MIN_SCORE_CHANGE, LOG_FORMAT, LOG_LEVEL, METRICS_RECORDING_LEVEL, METRICS_REFRESH);

  public enum ProcessingGuarantee { EXACTLY_ONCE_V2, AT_LEAST_ONCE }

  public enum LogFormat { TEXT, JSON }

  enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }

  /** Kafka's {@code metrics.recording.level}: which sensors the Kafka clients record. */
  public enum RecordingLevel { INFO, DEBUG, TRACE }

  private final Map<Setting<?>, Object> values;
  private final Map<Setting<?>, String> sources;
  private final Map<String, String> kafkaOverrides;

  private ScorerConfig(Map<Setting<?>, Object> values, Map<Setting<?>, String> sources, Map<String, String> kafkaOverrides) {
    this.values = values;
    this.sources = sources;
    this.kafkaOverrides = kafkaOverrides;
  }

  public static List<Setting<?>> settings() {
    return ALL;
  }

  /** Defaults only: the embedded stack. */
  public static ScorerConfig defaults() {
    return load(Map.of(), Map.of(), Optional.empty());
  }

  /**
   * Resolves every setting; values on the command line are all reported as given with {@code --set}.
   *
   * @param flags values given on the command line, by key
   * @param environment the process environment; only {@code SCORER_*} variables are read
   * @param propertiesFile an optional properties file, by key
   * @throws InvalidSettingException naming the first setting that is wrong or unknown
   */
  public static ScorerConfig load(Map<String, String> flags, Map<String, String> environment, Optional<Path> propertiesFile) {
    return load(flags, Map.of(), environment, propertiesFile);
  }

  /**
   * Resolves every setting, as {@link #load(Map, Map, Optional)} does.
   *
   * @param flagNames the flag each of {@code flags} was given with, by key ({@code http.port} → {@code --http-port}),
   *     so that the start-up log and errors name it; a key without one was given with {@code --set}
   */
  public static ScorerConfig load(Map<String, String> flags, Map<String, String> flagNames, Map<String, String> environment,
      Optional<Path> propertiesFile) {
    Map<String, Layer> layers = new HashMap<>();
    propertiesFile.ifPresent(file -> readProperties(file).forEach((key, value) -> layers.put(key, new Layer(value, "file " + file))));
    environmentSettings(environment).forEach((key, value) -> layers.put(key, new Layer(value, "environment " + Setting.environmentVariableFor(key))));
    flags.forEach((key, value) -> layers.put(key, new Layer(value, flagNames.containsKey(key) ? "flag " + flagNames.get(key) : "--set " + key)));
    return resolve(layers);
  }

  /** The value of each setting from the layer that gives it, or its default; unknown keys fail. */
  private static ScorerConfig resolve(Map<String, Layer> layers) {
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    Map<Setting<?>, String> sources = new LinkedHashMap<>();
    Map<String, String> kafkaOverrides = new TreeMap<>();
    for (Map.Entry<String, Layer> entry : layers.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(KAFKA_PREFIX)) {
        kafkaOverrides.put(key.substring(KAFKA_PREFIX.length()), entry.getValue().value());
      } else if (ALL.stream().noneMatch(setting -> setting.key().equals(key))) {
        throw new InvalidSettingException(key, entry.getValue().source(), entry.getValue().value(), "unknown setting");
      }
    }
    for (Setting<?> setting : ALL) {
      Layer layer = layers.get(setting.key());
      if (layer != null) {
        values.put(setting, setting.parse(layer.value(), layer.source()));
        sources.put(setting, layer.source());
      } else if (setting.defaultValue() != null) {
        values.put(setting, setting.parse(setting.defaultValue(), "default"));
        sources.put(setting, "default");
      }
    }
    if (!values.containsKey(APPLICATION_SERVER)) {
      values.put(APPLICATION_SERVER, new HostAndPort("localhost", (Integer) values.get(HTTP_PORT)));
      sources.put(APPLICATION_SERVER, "default");
    }
    return new ScorerConfig(values, sources, kafkaOverrides);
  }

  /**
   * This configuration with some settings replaced by the command that runs it (the demo's embedded
   * cluster, a replay's scratch state), validated like any other. The other settings keep their sources.
   */
  public ScorerConfig with(Map<String, String> overrides) {
    Map<String, Layer> layers = new HashMap<>();
    values.forEach((setting, value) -> {
      if (!"default".equals(sources.get(setting))) {
        layers.put(setting.key(), new Layer(render(value), sources.get(setting)));
      }
    });
    kafkaOverrides.forEach((key, value) -> layers.put(KAFKA_PREFIX + key, new Layer(value, "--set " + KAFKA_PREFIX + key)));
    overrides.forEach((key, value) -> layers.put(key, new Layer(value, "set by the command")));
    return resolve(layers);
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /**
   * Publishing to this scorer's cluster as a connector would: its brokers and {@code kafka.*} client
   * settings (security), its partition count, and
   * its replication factor, or 1 where it leaves that to the broker (connectors create their topics one
   * by one, with explicit settings).
   */
  public PublisherSettings publisherSettings(boolean retainForever) {
    int replication = get(REPLICATION_FACTOR);
    return new PublisherSettings(get(BOOTSTRAP_SERVERS), get(TOPIC_PARTITIONS), (short) (replication < 0 ? 1 : replication),
        retainForever, kafkaOverrides());
  }

  /** A client of the configured schema registry, with its credentials and truststore, reporting to {@code listener}. */
  public RestSchemaRegistryClient registryClient(RegistryClientListener listener) {
    String url = get(SCHEMA_REGISTRY_URL).toString();
    Map<String, Object> security = new HashMap<>();
    get(SCHEMA_REGISTRY_USER_INFO).ifPresent(userInfo -> {
      security.put(RegistryClientSecurity.CREDENTIALS_SOURCE, RegistryClientSecurity.CredentialsSource.USER_INFO.name());
      security.put(RegistryClientSecurity.USER_INFO, userInfo);
    });
    get(SCHEMA_REGISTRY_TRUSTSTORE).ifPresent(truststore -> security.put(RegistryClientSecurity.TRUSTSTORE_LOCATION, truststore.toString()));
    get(SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD).ifPresent(password -> security.put(RegistryClientSecurity.TRUSTSTORE_PASSWORD, password));
    return new RestSchemaRegistryClient(url, RestSchemaRegistryClient.Settings.defaults(), listener,
        RegistryClientSecurity.fromConfigs(security, url));
  }

  /** A client of the configured schema registry, with its credentials and truststore. */
  public RestSchemaRegistryClient registryClient() {
    return registryClient(RegistryClientListener.NONE);
  }

  /** Where {@code setting}'s value came from: a flag, the environment, a file, or the default. */
  public String sourceOf(Setting<?> setting) {
    return sources.get(setting);
  }

  /** Kafka client properties given under {@code kafka.}, without the prefix (SASL, TLS, tuning). */
  public Map<String, String> kafkaOverrides() {
    return Map.copyOf(kafkaOverrides);
  }

  /**
   * Every effective value and where it came from, secrets masked: for the start-up banner. A secret is a
   * setting whose key names one (password, secret, JAAS, key) or the user information of a URL
   * ({@code https://user:token@registry}).
   */
  public Map<String, String> describe() {
    Map<String, String> description = new LinkedHashMap<>();
    values.forEach((setting, value) ->
        description.put(setting.key(), (setting.isSecret() ? "****" : masked(value)) + " (" + sources.get(setting) + ")"));
    kafkaOverrides.forEach((key, value) ->
        description.put(KAFKA_PREFIX + key, Setting.isSecretKey(key) ? "****" : value));
    return description;
  }

  private static String masked(Object value) {
    return value instanceof java.net.URI ? URL_USER_INFO.matcher(render(value)).replaceAll("//****@") : render(value);
  }

  private static String render(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(ScorerConfig::render).orElse("");
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(value);
  }

  private static Map<String, String> environmentSettings(Map<String, String> environment) {
    Map<String, String> settings = new HashMap<>();
    Map<String, String> knownByVariable = new HashMap<>();
    ALL.forEach(setting -> knownByVariable.put(setting.environmentVariable(), setting.key()));
    environment.forEach((variable, value) -> {
      if (!variable.startsWith("SCORER_")) {
        return;
      }
      String key = knownByVariable.get(variable);
      if (key == null) {
        key = variable.substring("SCORER_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
      }
      settings.put(key, value);
    });
    return settings;
  }

  private static Map<String, String> readProperties(Path file) {
    try {
      return PropertiesFile.read(file);
    } catch (IOException e) {
      throw new InvalidSettingException("config file", "flag --config", file.toString(), "cannot read: " + e.getMessage());
    }
  }


  private record Layer(String value, String source) {}
}
