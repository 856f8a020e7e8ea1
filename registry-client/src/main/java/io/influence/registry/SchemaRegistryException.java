package io.influence.registry;

import java.util.List;

/**
 * A Schema Registry operation that failed, described as Confluent's REST API describes it: an HTTP
 * status and a Confluent error code (40401 subject not found, 409 incompatible schema, ...), so that a
 * caller can tell "not registered" from "refused" from "registry down".
 *
 * <p>The client throws it for the error it received (or {@link #NO_RESPONSE} when no registry answered);
 * the embedded registry throws it to describe the error it answers with. The messages of the factory
 * methods are Confluent's own, word for word, since clients show them to people.
 */
public class SchemaRegistryException extends RuntimeException {
  /** The HTTP status of a failure in which no registry answered (connection refused, timeout). */
  public static final int NO_RESPONSE = 0;

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  /**
   * Incompatible schema. Confluent Platform 5 and 6 answer error code 409, as we do; Confluent 7 and
   * later answer 40901 with the same HTTP status 409, which is what clients test.
   */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, null);
  }

  public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's error code, e.g. {@link #SUBJECT_NOT_FOUND}; the HTTP status when the answer had none. */
  public int errorCode() {
    return errorCode;
  }

  /** Whether a registry answered at all; false means it was unreachable or too slow. */
  public boolean registryAnswered() {
    return httpStatus != NO_RESPONSE;
  }

  public static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static SchemaRegistryException versionNotFound(int version) {
    return new SchemaRegistryException(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static SchemaRegistryException schemaNotFound(String id) {
    return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static SchemaRegistryException schemaNotFound() {
    return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static SchemaRegistryException subjectSoftDeleted(String subject) {
    return new SchemaRegistryException(404, SUBJECT_SOFT_DELETED,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static SchemaRegistryException subjectNotSoftDeleted(String subject) {
    return new SchemaRegistryException(404, SUBJECT_NOT_SOFT_DELETED,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static SchemaRegistryException versionSoftDeleted(String subject, int version) {
    return new SchemaRegistryException(404, VERSION_SOFT_DELETED, "Subject '" + subject + "' Version " + version
        + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static SchemaRegistryException versionNotSoftDeleted(String subject, int version) {
    return new SchemaRegistryException(404, VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
        + version + " was not deleted first before being permanently deleted");
  }

  public static SchemaRegistryException subjectCompatibilityNotConfigured(String subject) {
    return new SchemaRegistryException(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static SchemaRegistryException incompatible(String subject, List<String> incompatibilities) {
    return new SchemaRegistryException(409, INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
            + "\", details: " + incompatibilities);
  }

  public static SchemaRegistryException invalidSchema(String detail) {
    return new SchemaRegistryException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
  }

  public static SchemaRegistryException invalidVersion(String version) {
    return new SchemaRegistryException(422, INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  public static SchemaRegistryException invalidCompatibilityLevel() {
    return new SchemaRegistryException(422, INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level. Valid values are none, backward, forward, full, "
            + "backward_transitive, forward_transitive, and full_transitive");
  }

  public static SchemaRegistryException storeError(String detail, Throwable cause) {
    return new SchemaRegistryException(500, STORE_ERROR, "Error in the backend data store: " + detail, cause);
  }

  /** An HTTP-level error with no Confluent code, worded as Confluent's Jersey server words it. */
  public static SchemaRegistryException httpError(int status, String reason) {
    return new SchemaRegistryException(status, status, "HTTP " + status + " " + reason);
  }
}
