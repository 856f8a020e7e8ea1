package io.influence.scorer.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds topics in the text of content that carries no topic tags: each keyword (a word or a phrase)
 * maps to a topic, and a text is about every topic one of whose keywords it contains as whole words,
 * case-insensitively. Hashtags count as the word they spell.
 */
public final class TopicDictionary {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Map<String, String> topicByKeyword;
  private final int longestKeyword;

  /** @param topicByKeyword keyword (one or more words) → topic; both are normalised */
  public TopicDictionary(Map<String, String> topicByKeyword) {
    Map<String, String> normalised = new TreeMap<>();
    int longest = 0;
    for (Map.Entry<String, String> entry : topicByKeyword.entrySet()) {
      String keyword = String.join(" ", words(entry.getKey()));
      String topic = Topics.normalise(entry.getValue());
      if (keyword.isEmpty() || topic.isEmpty()) {
        throw new IllegalArgumentException("a dictionary entry needs a keyword and a topic, got '" + entry.getKey() + "' → '" + entry.getValue() + "'");
      }
      normalised.put(keyword, topic);
      longest = Math.max(longest, words(keyword).size());
    }
    this.topicByKeyword = Map.copyOf(normalised);
    this.longestKeyword = longest;
  }

  public static TopicDictionary empty() {
    return new TopicDictionary(Map.of());
  }

  /** The topics {@code text} is about, in the order their keywords first appear. */
  public List<String> topicsIn(String text) {
    if (text == null || topicByKeyword.isEmpty()) {
      return List.of();
    }
    List<String> words = words(text);
    Set<String> topics = new LinkedHashSet<>();
    for (int start = 0; start < words.size(); start++) {
      StringBuilder phrase = new StringBuilder();
      for (int length = 1; length <= longestKeyword && start + length <= words.size(); length++) {
        if (length > 1) {
          phrase.append(' ');
        }
        phrase.append(words.get(start + length - 1));
        String topic = topicByKeyword.get(phrase.toString());
        if (topic != null) {
          topics.add(topic);
        }
      }
    }
    return List.copyOf(topics);
  }

  /**
   * The topics of content: its tags, normalised, or when it has none, what the dictionary finds in
   * its text.
   */
  public List<String> topicsOf(List<String> tags, String text) {
    List<String> tagged = Topics.normaliseAll(tags);
    return tagged.isEmpty() ? topicsIn(text) : tagged;
  }

  private static List<String> words(String text) {
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    List<String> words = new java.util.ArrayList<>();
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }
}
