package io.influence.scorer.query;

/**
 * The body of every HTTP error: a stable machine-readable {@code error} code and a sentence for people.
 */
public record ApiError(int status, String error, String message) {}
