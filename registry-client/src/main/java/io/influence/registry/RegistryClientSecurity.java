package io.influence.registry;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a {@link RestSchemaRegistryClient} proves who it is and whom it trusts: HTTP basic credentials and
 * a truststore, configured with the keys Confluent's own client reads, so one configuration serves both.
 *
 * <ul>
 *   <li>{@value #CREDENTIALS_SOURCE}: {@code URL} (the default: the user information of the registry
 *       URL, {@code https://user:password@registry}) or {@code USER_INFO} (from {@value #USER_INFO},
 *       {@code user:password}).
 *   <li>{@value #TRUSTSTORE_LOCATION}, {@value #TRUSTSTORE_PASSWORD} and {@value #TRUSTSTORE_TYPE}
 *       (PKCS12 unless given): the certificates an {@code https://} registry is checked against, when the
 *       JDK's own do not cover it (a company CA, a self-signed test certificate).
 * </ul>
 *
 * @param userInfo {@code user:password} sent with every request, if any
 * @param sslContext the TLS context for {@code https://} registries; the JDK's default when none was configured
 */
public record RegistryClientSecurity(Optional<String> userInfo, SSLContext sslContext) {
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

  /** The scheme and the user information of a URL, as in {@code https://user:password@host}. */
  private static final Pattern URL_USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@]*)@");

  /** Where the basic credentials come from, as Confluent's {@code basic.auth.credentials.source} names them. */
  public enum CredentialsSource { URL, USER_INFO }

  public RegistryClientSecurity {
    userInfo.ifPresent(RegistryClientSecurity::requireUserAndPassword);
  }

  /** No credentials, and the JDK's trusted certificates. */
  public static RegistryClientSecurity none() {
    return new RegistryClientSecurity(Optional.empty(), defaultContext());
  }

  /**
   * The security configured in {@code configs} for the registry at {@code urls}: credentials from the
   * source {@value #CREDENTIALS_SOURCE} names, and a truststore if {@value #TRUSTSTORE_LOCATION} is set.
   *
   * @throws ConfigException naming the key that is wrong
   */
  public static RegistryClientSecurity fromConfigs(Map<String, ?> configs, String urls) {
    CredentialsSource source = credentialsSource(configs);
    Optional<String> userInfo = switch (source) {
      case URL -> userInfoOfUrls(urls);
      case USER_INFO -> Optional.of(text(configs, USER_INFO)
          .orElseThrow(() -> new ConfigException(USER_INFO, null, CREDENTIALS_SOURCE + "=USER_INFO needs user:password here")));
    };
    Optional<String> truststore = text(configs, TRUSTSTORE_LOCATION);
    SSLContext context = truststore.isEmpty() ? defaultContext() : trusting(Path.of(truststore.get()),
        text(configs, TRUSTSTORE_PASSWORD).orElse(""), text(configs, TRUSTSTORE_TYPE).orElse("PKCS12"));
    try {
      return new RegistryClientSecurity(userInfo, context);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source == CredentialsSource.URL ? "schema.registry.url" : USER_INFO, "****", e.getMessage());
    }
  }

  /** The value of the {@code Authorization} header, if there are credentials. */
  public Optional<String> authorization() {
    return userInfo.map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code url} without its user information, which goes in a header instead (and must not reach a log). */
  static String withoutUserInfo(String url) {
    return URL_USER_INFO.matcher(url).replaceFirst("$1");
  }

  @Override
  public String toString() {
    return "RegistryClientSecurity[credentials=" + (userInfo.isPresent() ? "****" : "none") + "]";
  }

  private static CredentialsSource credentialsSource(Map<String, ?> configs) {
    String source = text(configs, CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
    try {
      return CredentialsSource.valueOf(source);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(CREDENTIALS_SOURCE, source, "must be URL or USER_INFO");
    }
  }

  /** The user information of the first URL that has some; several URLs are replicas of one registry. */
  private static Optional<String> userInfoOfUrls(String urls) {
    for (String url : urls.split(",")) {
      Matcher matcher = URL_USER_INFO.matcher(url.trim());
      if (matcher.find()) {
        return Optional.of(URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static void requireUserAndPassword(String info) {
    int colon = info.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("basic credentials must be user:password");
    }
  }

  private static Optional<String> text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
  }

  private static SSLContext trusting(Path location, String password, String type) {
    try {
      return TrustStores.context(location, password, type);
    } catch (IOException e) {
      throw new ConfigException(TRUSTSTORE_LOCATION, location.toString(), "cannot read the truststore: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(TRUSTSTORE_LOCATION, location.toString(), "not a usable " + type + " truststore: " + e.getMessage());
    }
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }
}
