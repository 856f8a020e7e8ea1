package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDictionaryTest {
  private final TopicDictionary dictionary = new TopicDictionary(Map.of(
      "recipe", "Cooking", "flight", "#travel", "higgs boson", "science"));

  @Test
  void aTextIsAboutTheTopicsOfTheKeywordsItContainsAsWholeWords() {
    assertThat(dictionary.topicsIn("My best RECIPE before the flight")).containsExactly("cooking", "travel");
    assertThat(dictionary.topicsIn("recipes and flights")).isEmpty();
  }

  @Test
  void phrasesAndHashtagsAreFound() {
    assertThat(dictionary.topicsIn("They found the #Higgs boson!")).containsExactly("science");
  }

  @Test
  void tagsWinOverTheText() {
    assertThat(dictionary.topicsOf(List.of("#Physics"), "a recipe")).containsExactly("physics");
    assertThat(dictionary.topicsOf(List.of(), "a recipe")).containsExactly("cooking");
    assertThat(dictionary.topicsOf(List.of(), null)).isEmpty();
  }

  @Test
  void anEntryWithoutAKeywordOrATopicIsRefused() {
    assertThatThrownBy(() -> new TopicDictionary(Map.of("  ", "cooking"))).hasMessageContaining("keyword and a topic");
  }
}
