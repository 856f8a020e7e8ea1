/**
 * Who may call the HTTP API, and how much: bearer tokens for {@code /v1} and {@code /metrics}, the
 * credential instances forward requests with, CORS, and a rate limit per client. docs/SECURITY.md
 * describes the settings and what they do not protect.
 */
package io.influence.scorer.access;
