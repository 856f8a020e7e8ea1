package io.influence.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A broker listener that takes SASL/SCRAM-SHA-512 over TLS only, with the users it knows from the start
 * (written into the cluster's metadata when its storage is formatted, as {@code kafka-storage format
 * --add-scram} does). The broker talks to itself over the same listener as the user {@value #BROKER_USER}.
 *
 * @param keyStore the broker's certificate chain and key (PKCS12)
 * @param trustStore the CA that signed it (PKCS12), which the broker trusts when it calls itself
 * @param storePassword the password of both stores
 * @param users SCRAM users by name, with their passwords; must include {@value #BROKER_USER}
 */
public record SaslSslListener(Path keyStore, Path trustStore, String storePassword, Map<String, String> users) {
  public static final String BROKER_USER = "broker";
  public static final String MECHANISM = "SCRAM-SHA-512";

  public SaslSslListener {
    if (!users.containsKey(BROKER_USER)) {
      throw new IllegalArgumentException("a SASL_SSL broker needs the SCRAM user '" + BROKER_USER + "' to reach itself");
    }
    users = Map.copyOf(users);
  }

  /** What a client of this listener sets to connect as {@code user}: SASL_SSL, SCRAM, the JAAS line and the trust store. */
  public Map<String, String> clientProperties(String user) {
    String password = users.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no SCRAM user " + user);
    }
    return Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaas(user, password),
        "ssl.truststore.location", trustStore.toString(),
        "ssl.truststore.password", storePassword,
        "ssl.truststore.type", "PKCS12");
  }

  /** The broker's settings for a listener named {@code name}. */
  void addBrokerSettings(Properties props, String name) {
    String prefix = "listener.name." + name.toLowerCase(java.util.Locale.ROOT) + ".";
    props.put("sasl.enabled.mechanisms", MECHANISM);
    props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    props.put(prefix + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config", jaas(BROKER_USER, users.get(BROKER_USER)));
    props.put(prefix + "ssl.keystore.location", keyStore.toString());
    props.put(prefix + "ssl.keystore.password", storePassword);
    props.put(prefix + "ssl.keystore.type", "PKCS12");
    props.put(prefix + "ssl.key.password", storePassword);
    props.put(prefix + "ssl.truststore.location", trustStore.toString());
    props.put(prefix + "ssl.truststore.password", storePassword);
    props.put(prefix + "ssl.truststore.type", "PKCS12");
  }

  /** The users as the storage formatter's SCRAM arguments. */
  List<String> scramArguments() {
    return users.entrySet().stream()
        .map(user -> MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]")
        .toList();
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  @Override
  public String toString() {
    return "SaslSslListener[" + keyStore + ", users=" + users.keySet() + "]";
  }
}
