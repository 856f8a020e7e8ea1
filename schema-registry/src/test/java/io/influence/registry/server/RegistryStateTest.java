package io.influence.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.influence.registry.server.StoreRecord.SubjectDeleted;
import io.influence.registry.server.StoreRecord.VersionErased;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
  private final RegistryState state = new RegistryState();

  @Test
  void aSubjectDeletionWrittenByConfluentSoftDeletesEveryVersionUpToItsVersion() {
    state.apply(new SchemaVersion("s", 1, 1, "\"int\"", false));
    state.apply(new SchemaVersion("s", 2, 2, "\"long\"", false));
    state.apply(new SchemaVersion("s", 3, 3, "\"float\"", false));

    state.apply(new SubjectDeleted("s", 2));

    assertThat(state.versions("s", false)).extracting(SchemaVersion::version).containsExactly(3);
    assertThat(state.versions("s", true)).extracting(SchemaVersion::deleted).containsExactly(true, true, false);
  }

  @Test
  void anErasedSchemaIsForgottenOnlyWhenNoOtherVersionUsesItsId() {
    state.apply(new SchemaVersion("a", 1, 1, "\"int\"", true));
    state.apply(new SchemaVersion("b", 1, 1, "\"int\"", false));
    state.apply(new SchemaVersion("b", 2, 2, "\"long\"", true));

    state.apply(new VersionErased("a", 1));
    state.apply(new VersionErased("b", 2));

    assertThat(state.schemaById(1)).contains("\"int\"");
    assertThat(state.schemaById(2)).isEmpty();
    assertThat(state.subjects(true)).containsExactly("b");
  }

  @Test
  void newVersionsFollowSoftDeletedOnesAndIdsAreNotReusedAfterAnErasure() {
    state.apply(new SchemaVersion("s", 1, 1, "\"int\"", false));
    state.apply(new SchemaVersion("s", 2, 2, "\"long\"", true));

    assertThat(state.nextVersion("s")).isEqualTo(3);

    state.apply(new VersionErased("s", 2));

    assertThat(state.nextId()).isEqualTo(3);
    assertThat(state.nextVersion("s")).isEqualTo(2);
  }
}
