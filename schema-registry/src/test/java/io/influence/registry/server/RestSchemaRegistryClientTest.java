package io.influence.registry.server;

import static io.influence.registry.server.TestSchemas.USER;
import static io.influence.registry.server.TestSchemas.USER_WITH_AGE;
import static io.influence.registry.server.TestSchemas.USER_WITH_EMAIL;
import static io.influence.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.influence.registry.RegisteredSchema;
import io.influence.registry.RegistryClientListener;
import io.influence.registry.RestSchemaRegistryClient.Settings;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.registry.SchemaRegistryException;
import io.influence.registry.server.ScriptedRegistry.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
  private static final Settings QUICK = new Settings(Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(40));
  private static final String REGISTERED = "{\"id\":7}";
  private static final String SUBJECT_NOT_FOUND = "{\"error_code\":40401,\"message\":\"Subject 'users-value' not found.\"}";
  private static final String STORE_ERROR = "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}";

  private static SchemaRegistryException failure(Runnable call) {
    try {
      call.run();
    } catch (SchemaRegistryException e) {
      return e;
    }
    throw new AssertionError("expected a SchemaRegistryException");
  }

  @Nested
  class Retries {
    @Test
    void a5xxAnswerIsRetriedUntilTheRegistryRecovers() {
      try (ScriptedRegistry registry = new ScriptedRegistry(
          Answer.of(503, STORE_ERROR), Answer.of(500, STORE_ERROR), Answer.of(200, REGISTERED))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        assertThat(client.register("users-value", parse(USER))).isEqualTo(7);
        assertThat(registry.requests()).hasSize(3);
      }
    }

    @Test
    void a4xxAnswerIsFinalAndCarriesConfluentsCodeAndMessage() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(404, SUBJECT_NOT_FOUND))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        SchemaRegistryException e = failure(() -> client.latest("users-value"));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(e.getMessage()).contains("Subject 'users-value' not found.").contains("/subjects/users-value");
        assertThat(registry.requests()).hasSize(1);
      }
    }

    @Test
    void theClientGivesUpAfterTheConfiguredAttemptsWithTheLastError() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(500, STORE_ERROR))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        SchemaRegistryException e = failure(() -> client.schemaById(1));

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.STORE_ERROR);
        assertThat(e.getMessage()).contains("Gave up after 3 attempts").contains("backend data store");
        assertThat(registry.requests()).hasSize(3);
      }
    }

    @Test
    void anUnreachableRegistryIsReportedAsNoAnswerNamingTheUrl() {
      String url = ScriptedRegistry.unreachableUrl();
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, QUICK);

      SchemaRegistryException e = failure(() -> client.schemaById(1));

      assertThat(e.registryAnswered()).isFalse();
      assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
      assertThat(e.getMessage()).contains("unreachable").contains(url + "/schemas/ids/1");
    }

    @Test
    void aRegistrySlowerThanTheTimeoutIsReportedAsNoAnswer() {
      try (ScriptedRegistry registry = new ScriptedRegistry(new Answer(200, REGISTERED, Duration.ofSeconds(2)))) {
        Settings impatient = new Settings(Duration.ofMillis(200), 1, Duration.ZERO, Duration.ZERO);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), impatient);

        SchemaRegistryException e = failure(() -> client.register("users-value", parse(USER)));

        assertThat(e.registryAnswered()).isFalse();
        assertThat(e.getMessage()).containsIgnoringCase("timed out");
      }
    }

    @Test
    void aRetryMovesToTheNextUrlWhenSeveralAreGiven() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(200, REGISTERED))) {
        String urls = ScriptedRegistry.unreachableUrl() + ", " + registry.url() + "/";
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(urls, QUICK);

        assertThat(client.register("users-value", parse(USER))).isEqualTo(7);
        assertThat(registry.requests()).hasSize(1);
      }
    }

    @Test
    void backoffDoublesUpToItsLimit() {
      Settings settings = new Settings(Duration.ofSeconds(1), 6, Duration.ofMillis(100), Duration.ofMillis(500));

      assertThat(settings.backoffBefore(1)).isEqualTo(Duration.ofMillis(100));
      assertThat(settings.backoffBefore(2)).isEqualTo(Duration.ofMillis(200));
      assertThat(settings.backoffBefore(3)).isEqualTo(Duration.ofMillis(400));
      assertThat(settings.backoffBefore(4)).isEqualTo(Duration.ofMillis(500));
      assertThat(settings.backoffBefore(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheValue() {
      assertThatThrownBy(() -> new Settings(Duration.ofSeconds(1), 0, Duration.ZERO, Duration.ZERO))
          .hasMessageContaining("maxAttempts");
      assertThatThrownBy(() -> new RestSchemaRegistryClient("localhost:8081"))
          .hasMessageContaining("localhost:8081");
    }
  }

  @Nested
  class Protocol {
    @Test
    void requestsUseConfluentsMediaTypesAndEncodeTheSubject() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(200, REGISTERED))) {
        new RestSchemaRegistryClient(registry.url(), QUICK).register("odd subject/value", parse(USER));

        ScriptedRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/odd%20subject%2Fvalue/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(RegistryHttp.parse(request.body()).path("schema").asText()).isEqualTo(parse(USER).toString());
      }
    }

    @Test
    void anErrorWithoutConfluentsBodyKeepsTheStatusAsCodeAndTheTextAsMessage() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(403, "Forbidden by proxy"))) {
        SchemaRegistryException e = failure(() -> new RestSchemaRegistryClient(registry.url(), QUICK).schemaById(3));

        assertThat(e.errorCode()).isEqualTo(403);
        assertThat(e.getMessage()).contains("Forbidden by proxy");
      }
    }

    @Test
    void aSchemaIsRegisteredOncePerSubjectAndItsIdNeedsNoFetch() {
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(200, REGISTERED))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        client.register("users-value", parse(USER));
        client.register("users-value", parse(USER));
        Schema byId = client.schemaById(7);
        client.register("people-value", parse(USER));

        assertThat(byId).isEqualTo(parse(USER));
        assertThat(registry.requests()).extracting(ScriptedRegistry.Request::path)
            .containsExactly("/subjects/users-value/versions", "/subjects/people-value/versions");
      }
    }

    @Test
    void aSchemaIsFetchedByIdOnce() {
      String answer = RegistryHttp.json(java.util.Map.of("schema", USER));
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(200, answer))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        assertThat(client.schemaById(3)).isEqualTo(parse(USER));
        assertThat(client.schemaById(3)).isEqualTo(parse(USER));
        assertThat(registry.requests()).hasSize(1);
      }
    }
  }

  @Nested
  class Reporting {
    /** What the client told its listener, as "operation outcome" and "operation hit|miss" lines. */
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final RegistryClientListener listener = new RegistryClientListener() {
      @Override
      public void requested(String operation, RequestOutcome outcome, long nanos) {
        assertThat(nanos).isPositive();
        reports.add(operation + " " + outcome.tag());
      }

      @Override
      public void cacheLookup(String operation, boolean hit) {
        reports.add(operation + (hit ? " hit" : " miss"));
      }
    };

    @Test
    void everyAttemptIsReportedWithHowItEnded() {
      try (ScriptedRegistry registry = new ScriptedRegistry(
          Answer.of(503, STORE_ERROR), Answer.of(200, REGISTERED), Answer.of(404, SUBJECT_NOT_FOUND), Answer.of(200, "not json"))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK, listener);

        client.register("users-value", parse(USER));
        failure(() -> client.latest("users-value"));
        failure(() -> client.latest("users-value"));

        assertThat(reports).containsExactly("register miss", "register server_error", "register success",
            "latest not_found", "latest invalid_answer");
      }
    }

    @Test
    void anUnreachableRegistryIsReportedForEachAttempt() {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(ScriptedRegistry.unreachableUrl(), QUICK, listener);

      failure(() -> client.schemaById(1));

      assertThat(reports).containsExactly("schema_by_id miss", "schema_by_id unreachable", "schema_by_id unreachable",
          "schema_by_id unreachable");
    }

    @Test
    void aCachedAnswerIsAHitAndNoRequest() {
      String answer = RegistryHttp.json(java.util.Map.of("schema", USER));
      try (ScriptedRegistry registry = new ScriptedRegistry(Answer.of(200, answer))) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK, listener);

        client.schemaById(3);
        client.schemaById(3);

        assertThat(reports).containsExactly("schema_by_id miss", "schema_by_id success", "schema_by_id hit");
      }
    }
  }

  @Nested
  class AgainstTheEmbeddedRegistry {
    @Test
    void everyOperationWorksAgainstOurRegistry() {
      try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), 0)) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), QUICK);

        assertThat(client.isCompatible("users-value", parse(USER))).as("nothing constrains a first schema").isTrue();
        int first = client.register("users-value", parse(USER));
        int second = client.register("users-value", parse(USER_WITH_AGE));

        assertThat(new RestSchemaRegistryClient(registry.url(), QUICK).schemaById(first)).isEqualTo(parse(USER));
        assertThat(client.latest("users-value")).isEqualTo(new RegisteredSchema("users-value", second, 2, parse(USER_WITH_AGE)));
        assertThat(client.lookup("users-value", parse(USER))).contains(new RegisteredSchema("users-value", first, 1, parse(USER)));
        assertThat(client.lookup("users-value", parse(USER_WITH_EMAIL))).isEmpty();
        assertThat(client.lookup("nobody-value", parse(USER))).isEmpty();
        assertThat(client.isCompatible("users-value", parse(USER_WITH_EMAIL))).isFalse();
        assertThatThrownBy(() -> client.register("users-value", parse(USER_WITH_EMAIL)))
            .asInstanceOf(type(SchemaRegistryException.class))
            .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(409))
            .satisfies(e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA));
      }
    }
  }
}
