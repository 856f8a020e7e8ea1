package io.influence.connector.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericCursorTest {
  @Test
  void theLaterCursorIsTheLargerNumberEvenBeyondALong() {
    assertThat(NumericCursor.later("99", "100")).isEqualTo("100");
    assertThat(NumericCursor.later("18446744073709551615", "9223372036854775807")).isEqualTo("18446744073709551615");
    assertThat(NumericCursor.later(null, "5")).isEqualTo("5");
    assertThat(NumericCursor.later("5", null)).isEqualTo("5");
  }

  @Test
  void aCursorIsDigitsWithoutLeadingZeros() {
    assertThat(NumericCursor.isCursor("113500000000000001")).isTrue();
    assertThat(NumericCursor.isCursor("0")).isTrue();
    assertThat(NumericCursor.isCursor("007")).isFalse();
    assertThat(NumericCursor.isCursor("-1")).isFalse();
    assertThat(NumericCursor.isCursor("")).isFalse();
  }
}
