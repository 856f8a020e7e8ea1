package io.influence.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.influence.registry.RegistryJson.CompatibilityResponse;
import io.influence.registry.RegistryJson.ErrorBody;
import io.influence.registry.RegistryJson.IdResponse;
import io.influence.registry.RegistryJson.SchemaRequest;
import io.influence.registry.RegistryJson.SchemaResponse;
import io.influence.registry.RegistryJson.SubjectVersionResponse;
import io.influence.registry.RegistryClientListener.RequestOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} over Confluent's REST API, for our embedded registry and Confluent's alike.
 *
 * <p>Answers that do not change are cached: the id of a schema registered under a subject and the
 * schema of an id, so a serializer registers once per schema and a deserializer fetches each writer
 * schema once. Found lookups are cached too, as Confluent's client caches them (a version deleted later
 * stays found). {@link #latest} and {@link #isCompatible} always ask, since their answers change.
 *
 * <p>Connection failures, timeouts and 5xx answers are retried with exponential backoff, moving to the
 * next URL when several are given; 4xx answers are final and never retried.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /**
   * How long the client waits and how hard it tries.
   *
   * @param requestTimeout the limit for connecting and for each request
   * @param maxAttempts attempts per call, at least 1
   * @param initialBackoff the pause before the first retry; each further pause doubles
   * @param maxBackoff the longest pause
   */
  public record Settings(Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public Settings {
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff (" + initialBackoff
            + ") <= maxBackoff (" + maxBackoff + ")");
      }
    }

    /** 10 s per request, 4 attempts with pauses of 0.2, 0.4 and 0.8 s: rides out a registry restart. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(10), 4, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** The pause before retry number {@code retry} (from 1). */
    public Duration backoffBefore(int retry) {
      Duration backoff = initialBackoff.multipliedBy(1L << Math.min(retry - 1, 30));
      return backoff.compareTo(maxBackoff) > 0 || backoff.isNegative() ? maxBackoff : backoff;
    }
  }

  private record SubjectSchema(String subject, Schema schema) {
  }

  private final List<String> baseUrls;
  private final Settings settings;
  private final RegistryClientListener listener;
  private final HttpClient http;
  private final Optional<String> authorization;
  private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /** A client of the registry at {@code urls} (one URL, or several separated by commas) with default settings. */
  public RestSchemaRegistryClient(String urls) {
    this(urls, Settings.defaults());
  }

  /** A client of the registry at {@code urls} (one URL, or several separated by commas). */
  public RestSchemaRegistryClient(String urls, Settings settings) {
    this(urls, settings, RegistryClientListener.NONE);
  }

  /**
   * A client of the registry at {@code urls} that reports its requests and cache lookups to
   * {@code listener}, sending the credentials of the URL's user information if it has any.
   */
  public RestSchemaRegistryClient(String urls, Settings settings, RegistryClientListener listener) {
    this(urls, settings, listener, RegistryClientSecurity.fromConfigs(Map.of(), urls));
  }

  /** A client of the registry at {@code urls} with the credentials and trusted certificates of {@code security}. */
  public RestSchemaRegistryClient(String urls, Settings settings, RegistryClientListener listener, RegistryClientSecurity security) {
    this.baseUrls = Arrays.stream(urls.split(","))
        .map(String::trim)
        .filter(url -> !url.isEmpty())
        .map(RegistryClientSecurity::withoutUserInfo)
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .toList();
    if (baseUrls.isEmpty() || baseUrls.stream().anyMatch(url -> !url.startsWith("http://") && !url.startsWith("https://"))) {
      throw new IllegalArgumentException("Schema registry URLs must be http:// or https:// URLs separated by commas, was '"
          + urls + "'");
    }
    this.settings = settings;
    this.listener = listener;
    this.authorization = security.authorization();
    this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).sslContext(security.sslContext()).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return cached("register", registeredIds, new SubjectSchema(subject, schema), () -> {
      int id = call("register", "POST", subjectPath(subject) + "/versions", new SchemaRequest(schema.toString()), IdResponse.class).id();
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public Schema schemaById(int id) {
    return cached("schema_by_id", schemasById, id, () -> parse(call("schema_by_id", "GET", "/schemas/ids/" + id, null, SchemaResponse.class).schema()));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(call("latest", "GET", subjectPath(subject) + "/versions/latest", null, SubjectVersionResponse.class));
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    try {
      return Optional.of(cached("lookup", lookups, new SubjectSchema(subject, schema), () -> registered(
          call("lookup", "POST", subjectPath(subject), new SchemaRequest(schema.toString()), SubjectVersionResponse.class))));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return call("compatibility", "POST", "/compatibility" + subjectPath(subject) + "/versions/latest",
          new SchemaRequest(schema.toString()), CompatibilityResponse.class).isCompatible();
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  /**
   * The value cached under {@code key}, or else the fetched one, cached. The fetch runs outside any lock
   * (unlike {@code computeIfAbsent}) since it may retry for seconds; two threads may then both fetch,
   * which is harmless since they get the same answer.
   */
  private <K, V> V cached(String operation, Map<K, V> cache, K key, Supplier<V> fetch) {
    V value = cache.get(key);
    listener.cacheLookup(operation, value != null);
    if (value == null) {
      value = fetch.get();
      cache.putIfAbsent(key, value);
    }
    return value;
  }

  private RegisteredSchema registered(SubjectVersionResponse response) {
    Schema schema = schemasById.computeIfAbsent(response.id(), id -> parse(response.schema()));
    return new RegisteredSchema(response.subject(), response.id(), response.version(), schema);
  }

  /**
   * One call of the REST API with retries: attempt {@code n} goes to URL {@code n mod count}, so a dead
   * registry among several is skipped.
   */
  private <T> T call(String operation, String method, String path, Object body, Class<T> answer) {
    HttpRequest.BodyPublisher payload = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(RegistryJson.write(body));
    SchemaRegistryException failure = null;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      if (attempt > 1) {
        pause(settings.backoffBefore(attempt - 1));
      }
      String url = baseUrls.get((attempt - 1) % baseUrls.size()) + path;
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .timeout(settings.requestTimeout())
          .header("Accept", RegistryJson.ACCEPT)
          .method(method, payload);
      if (body != null) {
        request.header("Content-Type", RegistryJson.MEDIA_TYPE);
      }
      authorization.ifPresent(value -> request.header("Authorization", value));
      long started = System.nanoTime();
      RequestOutcome outcome = RequestOutcome.UNREACHABLE;
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        outcome = RequestOutcome.ofStatus(response.statusCode());
        if (outcome == RequestOutcome.SUCCESS) {
          outcome = RequestOutcome.INVALID_ANSWER;
          T parsed = parseAnswer(method, url, response, answer);
          outcome = RequestOutcome.SUCCESS;
          return parsed;
        }
        failure = errorOf(method, url, response);
        if (response.statusCode() < 500) {
          throw failure;
        }
      } catch (IOException e) {
        failure = new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
            "Schema registry unreachable: " + method + " " + url + " failed with " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
            "Interrupted during " + method + " " + url, e);
      } finally {
        listener.requested(operation, outcome, System.nanoTime() - started);
      }
    }
    throw settings.maxAttempts() == 1 ? failure : new SchemaRegistryException(failure.httpStatus(),
        failure.errorCode(), "Gave up after " + settings.maxAttempts() + " attempts. Last: " + failure.getMessage(), failure);
  }

  private static <T> T parseAnswer(String method, String url, HttpResponse<String> response, Class<T> answer) {
    try {
      return RegistryJson.read(response.body(), answer);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(response.statusCode(), response.statusCode(), "Unexpected answer to "
          + method + " " + url + ": " + abbreviate(response.body()) + " (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** The error a registry answered, with Confluent's code when the body has one. */
  private static SchemaRegistryException errorOf(String method, String url, HttpResponse<String> response) {
    int status = response.statusCode();
    String where = " (HTTP " + status + " to " + method + " " + url + ")";
    try {
      ErrorBody error = RegistryJson.read(response.body(), ErrorBody.class);
      if (error.errorCode() != 0 && error.message() != null) {
        return new SchemaRegistryException(status, error.errorCode(), error.message() + where);
      }
    } catch (JsonProcessingException e) {
      // not Confluent's error body: a proxy or a load balancer answered; report what it said
    }
    return new SchemaRegistryException(status, status, abbreviate(response.body()) + where);
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
          "Interrupted while waiting to retry a schema registry call", e);
    }
  }
}
