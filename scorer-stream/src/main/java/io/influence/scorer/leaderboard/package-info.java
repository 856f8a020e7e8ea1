/**
 * The global and per-topic leaderboards: an index of every published score, kept on every instance,
 * so that any instance answers a leaderboard exactly without asking the others.
 */
package io.influence.scorer.leaderboard;
