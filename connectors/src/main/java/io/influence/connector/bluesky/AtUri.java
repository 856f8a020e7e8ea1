package io.influence.connector.bluesky;

/**
 * The parts of an {@code at://<authority>/<collection>/<rkey>} URI that the mapping needs. A record's
 * authority is its repository's DID, the account that wrote it (atproto "AT URI Scheme"); a URI with a
 * handle as authority is allowed by the spec but never produced for record references, and is refused
 * here because a handle can change hands.
 */
final class AtUri {
  private static final String SCHEME = "at://";

  private AtUri() {}

  /**
   * The DID that authored the record the URI names.
   *
   * @throws IllegalArgumentException if it is not an at:// URI whose authority is a DID
   */
  static String authorDid(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      throw new IllegalArgumentException("'" + uri + "' is not an at:// URI");
    }
    int end = uri.indexOf('/', SCHEME.length());
    String authority = uri.substring(SCHEME.length(), end < 0 ? uri.length() : end);
    if (!isDid(authority)) {
      throw new IllegalArgumentException("the authority of '" + uri + "' is not a DID");
    }
    return authority;
  }

  /** {@code did:<method>:<identifier>}, as the atproto DID spec allows it (methods plc and web in practice). */
  static boolean isDid(String text) {
    return text != null && text.matches("did:[a-z]+:[A-Za-z0-9._:%-]+");
  }
}
