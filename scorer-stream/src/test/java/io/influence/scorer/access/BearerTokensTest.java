package io.influence.scorer.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokensTest {
  private static final String DASHBOARD = "dashboard-token-0123456789abcdef";
  private static final String PARTNER = "partner-token-0123456789abcdefgh";

  @Test
  void aTokenIsKnownByItsHoldersNameAndAnyOtherIsNot(@TempDir Path directory) throws Exception {
    BearerTokens tokens = BearerTokens.load(Files.writeString(directory.resolve("tokens"),
        "# who may call /v1\ndashboard:" + DASHBOARD + "\npartner:" + PARTNER + "\n"));

    assertThat(tokens.holderOf(DASHBOARD)).contains("dashboard");
    assertThat(tokens.holderOf(PARTNER)).contains("partner");
    assertThat(tokens.holderOf(DASHBOARD + "x")).isEmpty();
    assertThat(tokens.holderOf("")).isEmpty();
  }

  @Test
  void aShortTokenOrALineWithoutANameIsRefusedWithItsLine(@TempDir Path directory) throws Exception {
    Path weak = Files.writeString(directory.resolve("weak"), "dashboard:" + DASHBOARD + "\nintern:1234\n");
    Path unnamed = Files.writeString(directory.resolve("unnamed"), PARTNER + "\n");

    assertThatThrownBy(() -> BearerTokens.load(weak)).hasMessageStartingWith(weak + ":2: a token must be at least");
    assertThatThrownBy(() -> BearerTokens.load(unnamed)).hasMessageStartingWith(unnamed + ":1: expected name:token");
  }

  @Test
  void aFileWithoutTokensWouldLockEveryoneOutSoItIsRefused(@TempDir Path directory) throws Exception {
    Path empty = Files.writeString(directory.resolve("empty"), "# nobody yet\n");

    assertThatThrownBy(() -> BearerTokens.load(empty)).hasMessageContaining("holds no token");
  }
}
