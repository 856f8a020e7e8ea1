package io.influence.registry.server;

import static io.influence.registry.server.RegistryHttp.parse;
import static io.influence.registry.server.RegistryHttp.schemaBody;
import static io.influence.registry.server.TestSchemas.USER;
import static io.influence.registry.server.TestSchemas.USER_WITHOUT_NAME;
import static io.influence.registry.server.TestSchemas.USER_WITH_AGE;
import static io.influence.registry.server.TestSchemas.USER_WITH_EMAIL;
import static io.influence.registry.server.TestSchemas.canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.influence.registry.server.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The embedded registry speaks Confluent's REST API: paths, bodies, status codes and error codes, checked
 * over real HTTP. The store is in memory (in Confluent's topic format); the Kafka store has its own IT.
 */
class SchemaRegistryProtocolTest {
  private final InMemorySchemaStore store = new InMemorySchemaStore();
  private EmbeddedSchemaRegistry registry;
  private RegistryHttp http;

  @BeforeEach
  void start() {
    registry = EmbeddedSchemaRegistry.start(store, 0);
    http = new RegistryHttp(registry.url());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Reply register(String subject, String schema) {
    return http.post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  private void assertError(Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.body().toString()).isEqualTo(errorCode);
    assertThat(reply.message()).isNotBlank();
  }

  @Nested
  class Registration {
    @Test
    void registeringAnswersTheIdInConfluentsMediaTypeAndTheIdServesTheSchema() {
      Reply registered = register("users-value", USER);

      assertThat(registered.status()).isEqualTo(200);
      assertThat(registered.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
      assertThat(registered.body()).isEqualTo(parse("{\"id\":1}"));
      assertThat(http.get("/schemas/ids/1").body()).isEqualTo(parse(RegistryHttp.json(
          java.util.Map.of("schema", canonical(USER)))));
    }

    @Test
    void registeringTheSameSchemaAgainAnswersItsIdWithoutANewVersion() {
      register("users-value", USER);

      Reply again = register("users-value", USER.replace(",", " , "));

      assertThat(again.body()).isEqualTo(parse("{\"id\":1}"));
      assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[1]"));
    }

    @Test
    void idsAreGlobalAndASchemaKeepsItsIdUnderAnotherSubject() {
      register("users-value", USER);
      register("users-value", USER_WITH_AGE);

      Reply sameSchemaElsewhere = register("people-value", USER);
      Reply newSchemaElsewhere = register("people-value", USER_WITH_AGE.replace("age", "height"));

      assertThat(sameSchemaElsewhere.body()).isEqualTo(parse("{\"id\":1}"));
      assertThat(newSchemaElsewhere.body()).isEqualTo(parse("{\"id\":3}"));
      assertThat(http.get("/subjects/people-value/versions/1").body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestInPlainJsonOrTheUnversionedMediaTypeIsAccepted() {
      assertThat(http.send("POST", "/subjects/a/versions", schemaBody(USER), "application/json").status())
          .isEqualTo(200);
      assertThat(http.send("POST", "/subjects/b/versions", schemaBody(USER), "application/vnd.schemaregistry+json")
          .status()).isEqualTo(200);
    }

    @Test
    void aRequestInAnotherMediaTypeIsRefusedWith415() {
      assertError(http.send("POST", "/subjects/a/versions", schemaBody(USER), "text/plain"), 415, 415);
    }

    @Test
    void anInvalidSchemaIsRefusedWith42201() {
      assertError(register("users-value", "{\"type\":\"record\",\"name\":\"NoFields\"}"), 422, 42201);
      assertError(register("users-value", "not json"), 422, 42201);
      assertError(http.post("/subjects/users-value/versions", "{}"), 422, 42201);
    }

    @Test
    void aProtobufSchemaIsRefusedWith42201SinceOnlyAvroIsHeld() {
      String protobuf = RegistryHttp.json(java.util.Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));

      assertError(http.post("/subjects/users-value/versions", protobuf), 422, 42201);
    }

    @Test
    void aMalformedBodyIsRefusedWith400() {
      assertError(http.post("/subjects/users-value/versions", "{\"schema\":"), 400, 400);
    }

    @Test
    void aSchemaIncompatibleUnderTheDefaultBackwardLevelIsRefusedWith409() {
      register("users-value", USER);

      Reply refused = register("users-value", USER_WITH_EMAIL);

      assertError(refused, 409, 409);
      assertThat(refused.message()).contains("users-value").contains("email");
      assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[1]"));
    }

    @Test
    void aSubjectAtLevelNoneAcceptsAnyChange() {
      register("users-value", USER);
      http.put("/config/users-value", "{\"compatibility\":\"NONE\"}");

      assertThat(register("users-value", USER_WITH_EMAIL).body()).isEqualTo(parse("{\"id\":2}"));
    }

    @Test
    void aStoreFailureIsAnswered50001AndChangesNothing() {
      store.makeUnavailable();

      assertError(register("users-value", USER), 500, 50001);
      assertError(http.get("/subjects/users-value/versions"), 404, 40401);
    }
  }

  @Nested
  class Reading {
    @Test
    void anUnknownSchemaIdIsAnswered40403() {
      assertError(http.get("/schemas/ids/42"), 404, 40403);
    }

    @Test
    void versionsAreServedByNumberAndAsLatestWithSubjectVersionIdAndSchema() {
      register("users-value", USER);
      register("users-value", USER_WITH_AGE);

      assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[1,2]"));
      Reply latest = http.get("/subjects/users-value/versions/latest");
      assertThat(latest.body().path("subject").asText()).isEqualTo("users-value");
      assertThat(latest.body().path("version").asInt()).isEqualTo(2);
      assertThat(latest.body().path("id").asInt()).isEqualTo(2);
      assertThat(latest.body().path("schema").asText()).isEqualTo(canonical(USER_WITH_AGE));
      assertThat(http.get("/subjects/users-value/versions/-1").body()).isEqualTo(latest.body());
      assertThat(http.get("/subjects/users-value/versions/1").body().path("id").asInt()).isEqualTo(1);
      assertThat(http.get("/subjects/users-value/versions/1/schema").body()).isEqualTo(parse(USER));
    }

    @Test
    void anUnknownSubjectIsAnswered40401AndAnUnknownVersion40402() {
      register("users-value", USER);

      assertError(http.get("/subjects/nobody/versions"), 404, 40401);
      assertError(http.get("/subjects/nobody/versions/latest"), 404, 40401);
      assertError(http.get("/subjects/users-value/versions/7"), 404, 40402);
    }

    @Test
    void aVersionThatIsNeitherAPositiveNumberNorLatestIsAnswered42202() {
      register("users-value", USER);

      assertError(http.get("/subjects/users-value/versions/abc"), 422, 42202);
      assertError(http.get("/subjects/users-value/versions/0"), 422, 42202);
    }

    @Test
    void subjectsAreListedInNameOrder() {
      register("b-value", USER);
      register("a-value", USER);

      assertThat(http.get("/subjects").body()).isEqualTo(parse("[\"a-value\",\"b-value\"]"));
    }

    @Test
    void subjectNamesAreDecodedFromThePath() {
      register("odd%20name%2Fvalue", USER);

      assertThat(http.get("/subjects").body()).isEqualTo(parse("[\"odd name/value\"]"));
    }

    @Test
    void aLookupAnswersTheVersionHoldingTheSchema() {
      register("users-value", USER);
      register("users-value", USER_WITH_AGE);

      Reply found = http.post("/subjects/users-value", schemaBody(USER));

      assertThat(found.body()).isEqualTo(parse(RegistryHttp.json(java.util.Map.of(
          "subject", "users-value", "version", 1, "id", 1, "schema", canonical(USER)))));
    }

    @Test
    void aLookupOfAnUnregisteredSchemaIsAnswered40403AndOfAnUnknownSubject40401() {
      register("users-value", USER);

      assertError(http.post("/subjects/users-value", schemaBody(USER_WITH_AGE)), 404, 40403);
      assertError(http.post("/subjects/nobody", schemaBody(USER)), 404, 40401);
    }

    @Test
    void anUnknownPathIsAnsweredInConfluentsErrorShape() {
      Reply reply = http.get("/no/such/path");

      assertError(reply, 404, 404);
      assertThat(reply.message()).isEqualTo("HTTP 404 Not Found");
    }
  }

  @Nested
  class CompatibilityTests {
    @Test
    void aCompatibilityTestAnswersWhetherTheSchemaCouldBeRegistered() {
      register("users-value", USER);

      assertThat(http.post("/compatibility/subjects/users-value/versions/latest", schemaBody(USER_WITH_AGE)).body())
          .isEqualTo(parse("{\"is_compatible\":true}"));
      assertThat(http.post("/compatibility/subjects/users-value/versions/1", schemaBody(USER_WITH_EMAIL)).body())
          .isEqualTo(parse("{\"is_compatible\":false}"));
    }

    @Test
    void aVerboseCompatibilityTestSaysWhy() {
      register("users-value", USER);

      Reply reply = http.post("/compatibility/subjects/users-value/versions/latest?verbose=true",
          schemaBody(USER_WITH_EMAIL));

      assertThat(reply.body().path("is_compatible").asBoolean()).isFalse();
      assertThat(reply.body().path("messages").get(0).asText()).contains("version 1").contains("email");
    }

    @Test
    void aCompatibilityTestAgainstAnUnknownSubjectOrVersionIsAnswered40401Or40402() {
      register("users-value", USER);

      assertError(http.post("/compatibility/subjects/nobody/versions/latest", schemaBody(USER)), 404, 40401);
      assertError(http.post("/compatibility/subjects/users-value/versions/9", schemaBody(USER)), 404, 40402);
    }
  }

  @Nested
  class Configuration {
    @Test
    void theGlobalLevelIsBackwardUntilChanged() {
      assertThat(http.get("/config").body()).isEqualTo(parse("{\"compatibilityLevel\":\"BACKWARD\"}"));

      Reply changed = http.put("/config", "{\"compatibility\":\"FULL\"}");

      assertThat(changed.body()).isEqualTo(parse("{\"compatibility\":\"FULL\"}"));
      assertThat(http.get("/config").body()).isEqualTo(parse("{\"compatibilityLevel\":\"FULL\"}"));
    }

    @Test
    void aSubjectLevelIsSetInAnyCaseAndOverridesTheGlobalOne() {
      register("users-value", USER);

      assertThat(http.put("/config/users-value", "{\"compatibility\":\"forward\"}").body())
          .isEqualTo(parse("{\"compatibility\":\"FORWARD\"}"));

      assertThat(http.get("/config/users-value").body()).isEqualTo(parse("{\"compatibilityLevel\":\"FORWARD\"}"));
      assertThat(register("users-value", USER_WITH_EMAIL).status()).isEqualTo(200);
      assertError(register("users-value", USER_WITHOUT_NAME), 409, 409);
    }

    @Test
    void theLevelMayAlsoBeSentAsCompatibilityLevel() {
      http.put("/config", "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

      assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    }

    @Test
    void aSubjectWithoutItsOwnLevelIsAnswered40408UnlessAskedToDefaultToGlobal() {
      assertError(http.get("/config/users-value"), 404, 40408);
      assertThat(http.get("/config/users-value?defaultToGlobal=true").body())
          .isEqualTo(parse("{\"compatibilityLevel\":\"BACKWARD\"}"));
    }

    @Test
    void anUnknownLevelIsRefusedWith42203() {
      assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
      assertError(http.put("/config/users-value", "{}"), 422, 42203);
    }

    @Test
    void removingASubjectLevelAnswersTheFormerLevelAndFallsBackToTheGlobalOne() {
      http.put("/config/users-value", "{\"compatibility\":\"NONE\"}");

      assertThat(http.delete("/config/users-value").body()).isEqualTo(parse("{\"compatibilityLevel\":\"NONE\"}"));
      assertError(http.get("/config/users-value"), 404, 40408);
    }
  }

  @Nested
  class Deletion {
    @Test
    void aSoftDeletedSubjectIsNoLongerListedButItsSchemasStayReadableById() {
      register("users-value", USER);
      register("users-value", USER_WITH_AGE);

      assertThat(http.delete("/subjects/users-value").body()).isEqualTo(parse("[1,2]"));

      assertThat(http.get("/subjects").body()).isEqualTo(parse("[]"));
      assertThat(http.get("/subjects?deleted=true").body()).isEqualTo(parse("[\"users-value\"]"));
      assertThat(http.get("/subjects/users-value/versions?deleted=true").body()).isEqualTo(parse("[1,2]"));
      assertError(http.get("/subjects/users-value/versions/latest"), 404, 40401);
      assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
    }

    @Test
    void aSubjectIsDeletedSoftFirstThenPermanently() {
      register("users-value", USER);

      assertError(http.delete("/subjects/users-value?permanent=true"), 404, 40405);
      http.delete("/subjects/users-value");
      assertError(http.delete("/subjects/users-value"), 404, 40404);
      assertThat(http.delete("/subjects/users-value?permanent=true").body()).isEqualTo(parse("[1]"));

      assertThat(http.get("/subjects?deleted=true").body()).isEqualTo(parse("[]"));
      assertError(http.delete("/subjects/users-value"), 404, 40401);
    }

    @Test
    void deletingASubjectDropsItsCompatibilityLevel() {
      register("users-value", USER);
      http.put("/config/users-value", "{\"compatibility\":\"NONE\"}");

      http.delete("/subjects/users-value");

      assertError(http.get("/config/users-value"), 404, 40408);
    }

    @Test
    void aVersionIsDeletedSoftFirstThenPermanently() {
      register("users-value", USER);
      register("users-value", USER_WITH_AGE);

      assertError(http.delete("/subjects/users-value/versions/1?permanent=true"), 404, 40407);
      assertThat(http.delete("/subjects/users-value/versions/1").body()).isEqualTo(parse("1"));
      assertError(http.delete("/subjects/users-value/versions/1"), 404, 40406);
      assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[2]"));
      assertThat(http.delete("/subjects/users-value/versions/1?permanent=true").body()).isEqualTo(parse("1"));
      assertThat(http.get("/subjects/users-value/versions?deleted=true").body()).isEqualTo(parse("[2]"));
      assertError(http.delete("/subjects/users-value/versions/5"), 404, 40402);
    }

    @Test
    void aSchemaRegisteredAgainAfterDeletionGetsANewVersionButKeepsItsId() {
      register("users-value", USER);
      http.delete("/subjects/users-value/versions/1");

      assertThat(register("users-value", USER).body()).isEqualTo(parse("{\"id\":1}"));
      assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[2]"));
    }

    @Test
    void deletedVersionsDoNotConstrainCompatibility() {
      register("users-value", USER);
      http.delete("/subjects/users-value/versions/1");

      assertThat(register("users-value", USER_WITH_EMAIL).status()).isEqualTo(200);
    }
  }

  @Test
  void aRestartedRegistryReplaysItsStoreAndContinuesTheIds() {
    register("users-value", USER);
    register("users-value", USER_WITH_AGE);
    http.put("/config/users-value", "{\"compatibility\":\"FULL\"}");
    http.delete("/subjects/users-value/versions/1");
    registry.close();

    registry = EmbeddedSchemaRegistry.start(store, 0);
    http = new RegistryHttp(registry.url());

    assertThat(http.get("/schemas/ids/2").body().path("schema").asText()).isEqualTo(canonical(USER_WITH_AGE));
    assertThat(http.get("/subjects/users-value/versions").body()).isEqualTo(parse("[2]"));
    assertThat(http.get("/config/users-value").body().path("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(register("other-value", USER_WITHOUT_NAME).body()).isEqualTo(parse("{\"id\":3}"));
  }
}
