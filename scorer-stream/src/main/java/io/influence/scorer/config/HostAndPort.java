package io.influence.scorer.config;

/** A {@code host:port} pair, such as an instance's {@code application.server}. */
public record HostAndPort(String host, int port) {

  public HostAndPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must lie between 1 and 65535");
    }
  }

  public static HostAndPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port");
    }
    try {
      return new HostAndPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port with a numeric port");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
