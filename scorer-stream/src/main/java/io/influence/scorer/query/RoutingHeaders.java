package io.influence.scorer.query;

/** The headers by which instances route requests to each other and tell clients who answered. */
public final class RoutingHeaders {
  /** Response: the {@code host:port} ({@code application.server}) of the instance that read its state. */
  public static final String SERVED_BY = "X-Influence-Served-By";
  /** Response: {@code true} when a standby replica answered, which may lag the active one. */
  public static final String STALE = "X-Influence-Stale";
  /** Response, with {@link #STALE}: how many records the answering replica is behind its changelog's end. */
  public static final String OFFSET_LAG = "X-Influence-Offset-Lag";
  /**
   * Request: set by the instance that forwards, to {@code active} or {@code standby}, so the receiver
   * answers from its own state and never forwards again.
   */
  public static final String FORWARDED = "X-Influence-Forwarded";

  static final String TO_ACTIVE = "active";
  static final String TO_STANDBY = "standby";

  private RoutingHeaders() {}
}
