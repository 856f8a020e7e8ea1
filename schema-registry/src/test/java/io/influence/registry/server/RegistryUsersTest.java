package io.influence.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryUsersTest {
  @TempDir
  Path directory;

  @Test
  void aUserIsAcceptedWithTheirOwnPasswordOnly() throws Exception {
    RegistryUsers users = RegistryUsers.load(file("# comment\n\nscorer:pass:with:colons\nconnector:other\n"));

    assertThat(users.accepts("scorer", "pass:with:colons")).isTrue();
    assertThat(users.accepts("connector", "other")).isTrue();
    assertThat(users.accepts("scorer", "other")).isFalse();
    assertThat(users.accepts("nobody", "other")).isFalse();
    assertThat(users.accepts("nobody", "")).isFalse();
  }

  @Test
  void aLineThatIsNotUserColonPasswordIsReportedWithItsFileAndLine() throws Exception {
    Path file = file("scorer:pass\nno-password-here\n");

    assertThatThrownBy(() -> RegistryUsers.load(file)).hasMessage(file + ":2: expected user:password");
  }

  @Test
  void aFileWithoutUsersWouldLockEveryoneOutSoItIsRefused() throws Exception {
    Path file = file("# nobody yet\n");

    assertThatThrownBy(() -> RegistryUsers.load(file)).hasMessageContaining("names no user");
  }

  private Path file(String content) throws Exception {
    return Files.writeString(directory.resolve("users"), content);
  }
}
