package io.influence.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.connector.live.RecordedFrames;
import org.junit.jupiter.api.Test;

class MastodonSourceTest {

  @Test
  void aStatusIdIsReadFromItsFirstFieldAndAFrameWithoutOneHasNone() {
    assertThat(MastodonSource.statusId(RecordedFrames.lines("mastodon/statuses.jsonl").get(0))).isEqualTo("113500000000000001");
    assertThat(MastodonSource.statusId(" { \"id\" : \"42\", \"uri\": \"x\"}")).isEqualTo("42");
    assertThat(MastodonSource.statusId("{\"uri\":\"x\",\"id\":\"42\"}")).isNull();
    assertThat(MastodonSource.statusId("{\"id\":\"not a number\"}")).isNull();
    assertThat(MastodonSource.statusId("113500000000000001")).isNull();
  }
}
