package io.influence.connector.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.AccountLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file of account links, one account of a person a line: CSV ({@code network,account,personId}, an
 * optional header line naming those columns) or JSON Lines ({@code {"network":..,"account":..,"personId":..}},
 * when the file name ends in {@code .jsonl}). Every account a person connects becomes one AccountLink,
 * and their engagement on each network then counts towards the one score of {@code personId}.
 */
public final class AccountLinkFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COLUMNS = List.of("network", "account", "personId");
  /** A network name as the scorer accepts it (docs/CONNECTORS.md). */
  private static final Pattern NETWORK = Pattern.compile("[a-z0-9._-]+");
  /** A user id as the API accepts it (openapi.json). */
  private static final Pattern PERSON_ID = Pattern.compile("[\\p{L}\\p{N}_.:@\\-]{1,256}");

  private AccountLinkFile() {}

  /**
   * The links of {@code file}, each stamped {@code linkedAt}.
   *
   * @throws IllegalArgumentException naming the file, the line and what is wrong with it
   */
  public static List<AccountLink> read(Path file, Instant linkedAt) throws IOException {
    boolean jsonLines = file.getFileName().toString().endsWith(".jsonl");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<AccountLink> links = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (!jsonLines && i == 0 && isHeader(line))) {
        continue;
      }
      try {
        links.add(jsonLines ? fromJson(line, linkedAt) : fromCsv(line, linkedAt));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage() + ": \"" + line + "\"", e);
      }
    }
    if (links.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no link");
    }
    return links;
  }

  /** The key of a link on the account-links topic, as the scorer looks accounts up: {@code <network>:<account>}. */
  public static String key(AccountLink link) {
    return link.getNetwork() + ":" + link.getAccount();
  }

  private static boolean isHeader(String line) {
    return List.of(line.split(",", -1)).stream().map(String::strip).toList().equals(COLUMNS);
  }

  private static AccountLink fromCsv(String line, Instant linkedAt) {
    String[] fields = line.split(",", -1);
    if (fields.length != COLUMNS.size()) {
      throw new IllegalArgumentException("expected 3 fields network,account,personId, found " + fields.length);
    }
    return link(fields[0], fields[1], fields[2], linkedAt);
  }

  private static AccountLink fromJson(String line, Instant linkedAt) {
    JsonNode object;
    try {
      object = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (object == null || !object.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with network, account and personId");
    }
    return link(text(object, "network"), text(object, "account"), text(object, "personId"), linkedAt);
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value.asText();
  }

  private static AccountLink link(String network, String account, String personId, Instant linkedAt) {
    String lowerNetwork = network.strip().toLowerCase(Locale.ROOT);
    if (!NETWORK.matcher(lowerNetwork).matches()) {
      throw new IllegalArgumentException("network '" + network.strip() + "' is not letters, digits, '.', '_' or '-'");
    }
    if (account.isBlank()) {
      throw new IllegalArgumentException("account is empty");
    }
    if (!PERSON_ID.matcher(personId.strip()).matches()) {
      throw new IllegalArgumentException("personId '" + personId.strip() + "' is not 1 to 256 letters, digits or _ . : @ -");
    }
    return new AccountLink(lowerNetwork, account.strip(), personId.strip(), linkedAt);
  }
}
