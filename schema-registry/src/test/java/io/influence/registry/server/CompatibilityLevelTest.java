package io.influence.registry.server;

import static io.influence.registry.server.TestSchemas.USER;
import static io.influence.registry.server.TestSchemas.USER_WITHOUT_NAME;
import static io.influence.registry.server.TestSchemas.USER_WITH_AGE;
import static io.influence.registry.server.TestSchemas.USER_WITH_EMAIL;
import static io.influence.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  private static SortedMap<Integer, Schema> versions(String... schemas) {
    SortedMap<Integer, Schema> versions = new TreeMap<>();
    for (int i = 0; i < schemas.length; i++) {
      versions.put(i + 1, parse(schemas[i]));
    }
    return versions;
  }

  @Test
  void backwardRefusesANewFieldWithoutDefaultSinceNewReadersCannotReadOldData() {
    assertThat(CompatibilityLevel.BACKWARD.violations(parse(USER_WITH_EMAIL), versions(USER)))
        .singleElement().asString()
        .contains("the new schema cannot read data written with version 1")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("email");
  }

  @Test
  void backwardAcceptsANewFieldWithDefaultAndARemovedField() {
    assertThat(CompatibilityLevel.BACKWARD.violations(parse(USER_WITH_AGE), versions(USER))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.violations(parse(USER_WITHOUT_NAME), versions(USER))).isEmpty();
  }

  @Test
  void forwardRefusesRemovingAFieldOldReadersNeed() {
    assertThat(CompatibilityLevel.FORWARD.violations(parse(USER_WITHOUT_NAME), versions(USER)))
        .singleElement().asString().contains("version 1 cannot read data written with the new schema");
    assertThat(CompatibilityLevel.FORWARD.violations(parse(USER_WITH_EMAIL), versions(USER))).isEmpty();
  }

  @Test
  void fullRefusesWhatEitherDirectionRefuses() {
    assertThat(CompatibilityLevel.FULL.violations(parse(USER_WITH_EMAIL), versions(USER))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.violations(parse(USER_WITHOUT_NAME), versions(USER))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.violations(parse(USER_WITH_AGE), versions(USER))).isEmpty();
  }

  @Test
  void noneAcceptsAnything() {
    assertThat(CompatibilityLevel.NONE.violations(parse(USER_WITH_EMAIL), versions(USER))).isEmpty();
  }

  @Test
  void aFirstSchemaIsAlwaysAccepted() {
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.violations(parse(USER), versions())).isEmpty();
  }

  @Test
  void plainLevelsCheckOnlyTheLatestVersionAndTransitiveOnesEveryVersion() {
    // Reads version 2's data (it has "age") but not version 1's (no "age", and no default to fill in).
    String ageWithoutDefault = """
        {"type":"record","name":"User","namespace":"test","fields":[{"name":"age","type":"int"}]}""";
    SortedMap<Integer, Schema> history = versions(USER, USER_WITHOUT_NAME);

    assertThat(CompatibilityLevel.BACKWARD.violations(parse(ageWithoutDefault), history)).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.violations(parse(ageWithoutDefault), history))
        .singleElement().asString().contains("version 1");
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.violations(parse(ageWithoutDefault), history))
        .anySatisfy(violation -> assertThat(violation).contains("version 1"));
  }

  @Test
  void levelsAreParsedInAnyCaseAndUnknownNamesAreNone() {
    assertThat(CompatibilityLevel.parse(" full_transitive ")).contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
    assertThat(CompatibilityLevel.parse(null)).isEmpty();
  }
}
