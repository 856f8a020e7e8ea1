package io.influence.registry.server;

import org.apache.avro.Schema;

/** Small schemas of one record, {@code User}, in the ways it can evolve. */
final class TestSchemas {
  static final String USER = """
      {"type":"record","name":"User","namespace":"test","fields":[{"name":"name","type":"string"}]}""";
  /** USER plus a field with a default: compatible both ways (FULL). */
  static final String USER_WITH_AGE = """
      {"type":"record","name":"User","namespace":"test","fields":[{"name":"name","type":"string"},
       {"name":"age","type":"int","default":0}]}""";
  /** USER plus a field without default: new readers cannot read old data (not BACKWARD), old readers can (FORWARD). */
  static final String USER_WITH_EMAIL = """
      {"type":"record","name":"User","namespace":"test","fields":[{"name":"name","type":"string"},
       {"name":"email","type":"string"}]}""";
  /** USER without its field: new readers can read old data (BACKWARD), old readers cannot (not FORWARD). */
  static final String USER_WITHOUT_NAME = """
      {"type":"record","name":"User","namespace":"test","fields":[{"name":"age","type":"int","default":0}]}""";

  private TestSchemas() {
  }

  static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  /** The canonical text the registry stores and answers. */
  static String canonical(String schema) {
    return parse(schema).toString();
  }
}
