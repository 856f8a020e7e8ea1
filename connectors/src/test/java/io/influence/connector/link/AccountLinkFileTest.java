package io.influence.connector.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.AccountLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountLinkFileTest {
  private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void csvLinesAfterAnOptionalHeaderBecomeLinksKeyedByTheLowerCaseNetworkAndAccount() throws Exception {
    Path file = Files.writeString(dir.resolve("links.csv"), """
        network,account,personId
        # Ada's networks
        Bluesky,did:plc:ada123,ada
        mastodon,ada@mathstodon.xyz,ada
        twitter,ada_l, ada
        """);

    var links = AccountLinkFile.read(file, NOW);

    assertThat(links).containsExactly(new AccountLink("bluesky", "did:plc:ada123", "ada", NOW),
        new AccountLink("mastodon", "ada@mathstodon.xyz", "ada", NOW), new AccountLink("twitter", "ada_l", "ada", NOW));
    assertThat(AccountLinkFile.key(links.get(0))).isEqualTo("bluesky:did:plc:ada123");
  }

  @Test
  void jsonLinesAreReadWhenTheFileNameSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("links.jsonl"), """
        {"network":"bluesky","account":"did:plc:ada123","personId":"ada"}
        {"network":"mastodon","account":"ada@mathstodon.xyz","personId":"ada","note":"ignored"}
        """);

    assertThat(AccountLinkFile.read(file, NOW)).extracting(AccountLink::getNetwork).containsExactly("bluesky", "mastodon");
  }

  @Test
  void aWrongLineIsNamedWithItsNumberAndReason() throws Exception {
    Path csv = Files.writeString(dir.resolve("links.csv"), "bluesky,did:plc:ada123,ada\nmastodon,ada@x.y\n");
    Path badPerson = Files.writeString(dir.resolve("person.csv"), "bluesky,did:plc:ada123,ada lovelace\n");
    Path json = Files.writeString(dir.resolve("links.jsonl"), "{\"network\":\"bluesky\",\"account\":\"d\"}\n");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "network,account,personId\n");

    assertThatThrownBy(() -> AccountLinkFile.read(csv, NOW))
        .hasMessage(csv + ":2: expected 3 fields network,account,personId, found 2: \"mastodon,ada@x.y\"");
    assertThatThrownBy(() -> AccountLinkFile.read(badPerson, NOW)).hasMessageContaining(badPerson + ":1: personId 'ada lovelace' is not");
    assertThatThrownBy(() -> AccountLinkFile.read(json, NOW)).hasMessageStartingWith(json + ":1: personId is missing or not a string");
    assertThatThrownBy(() -> AccountLinkFile.read(empty, NOW)).hasMessage(empty + " holds no link");
  }
}
