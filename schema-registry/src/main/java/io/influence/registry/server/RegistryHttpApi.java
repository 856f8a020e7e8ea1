package io.influence.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.influence.registry.RegistryJson.CompatibilityResponse;
import io.influence.registry.RegistryJson.ConfigResponse;
import io.influence.registry.RegistryJson.ConfigUpdate;
import io.influence.registry.RegistryJson.ErrorBody;
import io.influence.registry.RegistryJson.IdResponse;
import io.influence.registry.RegistryJson.SchemaRequest;
import io.influence.registry.RegistryJson.SchemaResponse;
import io.influence.registry.RegistryJson.SubjectVersionResponse;
import io.influence.registry.RegistryJson;
import io.influence.registry.SchemaRegistryException;
import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.security.BasicAuthCredentials;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's Schema Registry REST API over {@link SchemaRegistryService}: paths, query parameters,
 * bodies, status codes and error bodies as Confluent's registry has them, so that Confluent's clients
 * cannot tell the difference. Only translation happens here; the protocol's rules are in the service.
 */
final class RegistryHttpApi {
  private static final Logger log = LoggerFactory.getLogger(RegistryHttpApi.class);
  private static final String SUBJECT = "/subjects/{subject}";
  private static final String VERSION = SUBJECT + "/versions/{version}";

  private final SchemaRegistryService registry;
  private final Optional<RegistryUsers> users;

  RegistryHttpApi(SchemaRegistryService registry, Optional<RegistryUsers> users) {
    this.registry = registry;
    this.users = users;
  }

  void addTo(RoutesConfig routes) {
    users.ifPresent(known -> routes.before(ctx -> requireUser(ctx, known)));
    routes.before(RegistryHttpApi::requireJsonBody);
    routes.get("/", ctx -> respond(ctx, Map.of()));

    routes.get("/schemas/ids/{id}", ctx -> respond(ctx, new SchemaResponse(registry.schemaById(ctx.pathParam("id")))));

    routes.get("/subjects", ctx -> respond(ctx, registry.subjects(flag(ctx, "deleted"))));
    routes.post(SUBJECT, ctx -> respond(ctx,
        versionBody(registry.lookup(subject(ctx), schemaRequest(ctx), flag(ctx, "deleted")))));
    routes.delete(SUBJECT, ctx -> respond(ctx, registry.deleteSubject(subject(ctx), flag(ctx, "permanent"))));

    routes.get(SUBJECT + "/versions", ctx -> respond(ctx, registry.versions(subject(ctx), flag(ctx, "deleted"))));
    routes.post(SUBJECT + "/versions", ctx -> respond(ctx,
        new IdResponse(registry.register(subject(ctx), schemaRequest(ctx)))));
    routes.get(VERSION, ctx -> respond(ctx, versionBody(version(ctx))));
    routes.get(VERSION + "/schema", ctx -> respond(ctx, RegistryJson.MAPPER.readTree(version(ctx).schema())));
    routes.delete(VERSION, ctx -> respond(ctx,
        registry.deleteVersion(subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent"))));

    routes.post("/compatibility" + VERSION, ctx -> testCompatibility(ctx, ctx.pathParam("version")));
    routes.post("/compatibility" + SUBJECT + "/versions", ctx -> testCompatibility(ctx, "latest"));

    routes.get("/config", ctx -> respond(ctx, new ConfigResponse(registry.globalLevel().name())));
    routes.put("/config", ctx -> respond(ctx, new ConfigUpdate(registry.setLevel(null, configLevel(ctx)).name())));
    routes.delete("/config", ctx -> respond(ctx, new ConfigResponse(registry.removeLevel(null).name())));
    routes.get("/config/{subject}", ctx -> respond(ctx,
        new ConfigResponse(registry.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")).name())));
    routes.put("/config/{subject}", ctx -> respond(ctx,
        new ConfigUpdate(registry.setLevel(subject(ctx), configLevel(ctx)).name())));
    routes.delete("/config/{subject}", ctx -> respond(ctx,
        new ConfigResponse(registry.removeLevel(subject(ctx)).name())));

    routes.exception(SchemaRegistryException.class, (e, ctx) -> respondError(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> respondError(ctx,
        SchemaRegistryException.httpError(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage())));
    routes.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      respondError(ctx, new SchemaRegistryException(500, 500, "Internal error: " + e));
    });
  }

  private void testCompatibility(Context ctx, String version) {
    List<String> violations = registry.compatibilityViolations(subject(ctx), version, schemaRequest(ctx));
    respond(ctx, new CompatibilityResponse(violations.isEmpty(), flag(ctx, "verbose") ? violations : null));
  }

  private SchemaVersion version(Context ctx) {
    return registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"));
  }

  private static SubjectVersionResponse versionBody(SchemaVersion version) {
    return new SubjectVersionResponse(version.subject(), version.version(), version.id(), version.schema());
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static boolean flag(Context ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParam(name));
  }

  private static SchemaRequest schemaRequest(Context ctx) {
    return body(ctx, SchemaRequest.class);
  }

  private static String configLevel(Context ctx) {
    ConfigUpdate update = body(ctx, ConfigUpdate.class);
    return update == null ? null : update.level();
  }

  private static <T> T body(Context ctx, Class<T> type) {
    try {
      return RegistryJson.read(ctx.body(), type);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(400, 400, "Malformed JSON body: " + e.getOriginalMessage());
    }
  }

  /** Refuses bodies in other media types than Confluent's registry accepts; no Content-Type is fine. */
  /**
   * Refuses a request without the credentials of a known user, as Confluent's registry does with basic
   * auth on: 401, a challenge naming the realm, and the error body its clients parse.
   */
  private static void requireUser(Context ctx, RegistryUsers users) {
    BasicAuthCredentials credentials = ctx.basicAuthCredentials();
    if (credentials == null || !users.accepts(credentials.getUsername(), credentials.getPassword())) {
      ctx.header("WWW-Authenticate", "Basic realm=\"schema-registry\", charset=\"UTF-8\"");
      throw SchemaRegistryException.httpError(401, "Unauthorized");
    }
  }

  private static void requireJsonBody(Context ctx) {
    if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT || ctx.contentType() == null) {
      return;
    }
    String mediaType = ctx.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!RegistryJson.REQUEST_MEDIA_TYPES.contains(mediaType)) {
      throw SchemaRegistryException.httpError(415, "Unsupported Media Type");
    }
  }

  private static void respondError(Context ctx, SchemaRegistryException e) {
    ctx.status(e.httpStatus());
    write(ctx, new ErrorBody(e.errorCode(), e.getMessage()));
  }

  private static void respond(Context ctx, Object body) {
    ctx.status(200);
    write(ctx, body);
  }

  private static void write(Context ctx, Object body) {
    ctx.contentType(RegistryJson.MEDIA_TYPE).result(RegistryJson.write(body));
  }
}
