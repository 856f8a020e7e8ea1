package io.influence.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.registry.server.SchemasTopicFormat.Entry;
import io.influence.registry.server.StoreRecord.CompatibilitySet;
import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.influence.registry.server.StoreRecord.SubjectDeleted;
import io.influence.registry.server.StoreRecord.VersionErased;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our records of {@code _schemas} are Confluent's, byte for byte where compaction needs it. */
class SchemasTopicFormatTest {

  @Test
  void aVersionIsWrittenWithConfluentsKeyAndValue() {
    Entry entry = SchemasTopicFormat.encode(new SchemaVersion("users-value", 2, 7, "\"string\"", false));

    assertThat(entry.key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":2,\"magic\":1}");
    assertThat(entry.value())
        .isEqualTo("{\"subject\":\"users-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  @Test
  void aSoftDeleteRewritesTheVersionWithDeletedTrueAndAnErasureIsATombstoneOnTheSameKey() {
    SchemaVersion version = new SchemaVersion("users-value", 2, 7, "\"string\"", false);

    Entry softDeleted = SchemasTopicFormat.encode(version.softDeleted());
    Entry erased = SchemasTopicFormat.encode(new VersionErased("users-value", 2));

    assertThat(softDeleted.value()).endsWith("\"deleted\":true}");
    assertThat(erased.key()).isEqualTo(SchemasTopicFormat.encode(version).key());
    assertThat(erased.value()).isNull();
  }

  @Test
  void compatibilityLevelsAreWrittenAsConfluentConfigRecords() {
    assertThat(SchemasTopicFormat.encode(new CompatibilitySet(null, CompatibilityLevel.FULL)))
        .isEqualTo(new Entry("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"));
    assertThat(SchemasTopicFormat.encode(new CompatibilitySet("users-value", null)))
        .isEqualTo(new Entry("{\"keytype\":\"CONFIG\",\"subject\":\"users-value\",\"magic\":0}", null));
  }

  @Test
  void whatWeWriteReadsBackAsTheSameChange() {
    List<StoreRecord> changes = List.of(
        new SchemaVersion("users-value", 1, 1, "\"string\"", true),
        new VersionErased("users-value", 1),
        new CompatibilitySet(null, CompatibilityLevel.NONE),
        new CompatibilitySet("users-value", CompatibilityLevel.FORWARD_TRANSITIVE),
        new CompatibilitySet("users-value", null));

    for (StoreRecord change : changes) {
      Entry entry = SchemasTopicFormat.encode(change);
      assertThat(SchemasTopicFormat.decode(entry.key(), entry.value())).contains(change);
    }
  }

  @Test
  void recordsWrittenByConfluentAreReadIgnoringFieldsAndKeyTypesWeDoNotUse() {
    assertThat(SchemasTopicFormat.decode(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"s\",\"version\":1,\"id\":5,\"schemaType\":\"AVRO\",\"references\":[],\"metadata\":null,"
            + "\"schema\":\"\\\"int\\\"\",\"deleted\":false}"))
        .contains(new SchemaVersion("s", 1, 5, "\"int\"", false));
    assertThat(SchemasTopicFormat.decode("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
        "{\"compatibilityLevel\":\"FULL\",\"normalize\":false}"))
        .contains(new CompatibilitySet(null, CompatibilityLevel.FULL));
    assertThat(SchemasTopicFormat.decode("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
        "{\"subject\":\"s\",\"version\":3}"))
        .contains(new SubjectDeleted("s", 3));
    assertThat(SchemasTopicFormat.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
    assertThat(SchemasTopicFormat.decode("{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"READWRITE\"}")).isEmpty();
  }

  @Test
  void aRecordThatIsNotJsonIsReportedWithItsContent() {
    assertThatThrownBy(() -> SchemasTopicFormat.decode("garbage", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("_schemas")
        .hasMessageContaining("garbage");
  }
}
