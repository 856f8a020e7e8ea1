package io.influence.registry;

/**
 * Avro 1.12 refuses to instantiate classes outside trusted packages; our generated classes live in
 * {@code io.influence}. Set before any Avro class loads, and only if the operator has not chosen.
 */
public final class AvroTrust {
  public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private static final String TRUSTED = "java.lang,java.math,java.io,java.net,org.apache.avro.reflect,io.influence";

  private AvroTrust() {}

  public static void install() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, TRUSTED);
    }
  }
}
