package io.influence.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientSecurityTest {

  @Test
  void byDefaultTheCredentialsAreTheUrlsUserInformationAsConfluentsClientReadsThem() {
    RegistryClientSecurity security = RegistryClientSecurity.fromConfigs(Map.of(), "https://ci%40example:p%3Ass@registry:8081");

    assertThat(security.userInfo()).contains("ci@example:p:ss");
    assertThat(security.authorization()).contains("Basic Y2lAZXhhbXBsZTpwOnNz");
  }

  @Test
  void userInfoAsTheSourceReadsBasicAuthUserInfoAndIgnoresTheUrl() {
    RegistryClientSecurity security = RegistryClientSecurity.fromConfigs(Map.of(
        RegistryClientSecurity.CREDENTIALS_SOURCE, "user_info",
        RegistryClientSecurity.USER_INFO, "scorer:secret"), "https://other:pass@registry:8081");

    assertThat(security.userInfo()).contains("scorer:secret");
  }

  @Test
  void noUserInformationMeansNoAuthorizationHeader() {
    assertThat(RegistryClientSecurity.fromConfigs(Map.of(), "http://registry:8081").authorization()).isEmpty();
  }

  @Test
  void theUrlLosesItsUserInformationBeforeAnyRequestOrLogSeesIt() {
    assertThat(RegistryClientSecurity.withoutUserInfo("https://scorer:secret@registry:8081/path")).isEqualTo("https://registry:8081/path");
    assertThat(RegistryClientSecurity.withoutUserInfo("http://registry:8081")).isEqualTo("http://registry:8081");
  }

  @Test
  void eachMistakeNamesItsKeyAndNeverTheSecret() {
    assertThatThrownBy(() -> RegistryClientSecurity.fromConfigs(Map.of(RegistryClientSecurity.CREDENTIALS_SOURCE, "SASL_INHERIT"), "http://r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining(RegistryClientSecurity.CREDENTIALS_SOURCE);
    assertThatThrownBy(() -> RegistryClientSecurity.fromConfigs(Map.of(RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO"), "http://r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining(RegistryClientSecurity.USER_INFO);
    assertThatThrownBy(() -> RegistryClientSecurity.fromConfigs(Map.of(RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
        RegistryClientSecurity.USER_INFO, "token-without-user"), "http://r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining(RegistryClientSecurity.USER_INFO).hasMessageNotContaining("token-without-user");
  }

  @Test
  void aTruststoreThatCannotBeReadFailsNamingItsLocation(@TempDir Path directory) throws Exception {
    Path notAStore = Files.writeString(directory.resolve("trust.p12"), "not a key store");

    assertThatThrownBy(() -> RegistryClientSecurity.fromConfigs(Map.of(RegistryClientSecurity.TRUSTSTORE_LOCATION, notAStore.toString()), "https://r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining(RegistryClientSecurity.TRUSTSTORE_LOCATION);
    assertThatThrownBy(() -> RegistryClientSecurity.fromConfigs(Map.of(RegistryClientSecurity.TRUSTSTORE_LOCATION,
        directory.resolve("missing.p12").toString()), "https://r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
  }

  @Test
  void itsTextNeverShowsTheCredentials() {
    assertThat(RegistryClientSecurity.fromConfigs(Map.of(), "https://scorer:secret@r").toString()).doesNotContain("secret");
  }
}
