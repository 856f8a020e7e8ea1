package io.influence.scorer.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * README.md read as a newcomer reads it: its {@code ## } sections, each with its prose and its fenced
 * blocks ({@code sh} commands, {@code json} examples, and plain blocks of what a command prints).
 */
record Readme(List<Section> sections) {

  /** A fenced block: its language ({@code sh}, {@code json}, or empty for output) and its text. */
  record Block(String language, String text) {

    /** The shell commands of an {@code sh} block, a line continued with a backslash joined to the next. */
    List<String> commands() {
      List<String> commands = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : text.lines().toList()) {
        if (line.endsWith("\\")) {
          current.append(line, 0, line.length() - 1);
        } else {
          current.append(line);
          if (!current.toString().isBlank()) {
            commands.add(current.toString().strip());
          }
          current.setLength(0);
        }
      }
      return commands;
    }
  }

  record Section(String title, String prose, List<Block> blocks) {

    List<Block> blocks(String language) {
      return blocks.stream().filter(block -> block.language().equals(language)).toList();
    }

    List<String> commands() {
      return blocks("sh").stream().flatMap(block -> block.commands().stream()).toList();
    }

    /** The one command that contains {@code text}. */
    String command(String text) {
      List<String> matching = commands().stream().filter(command -> command.contains(text)).toList();
      if (matching.size() != 1) {
        throw new AssertionError("README \"" + title + "\" has " + matching.size() + " commands with '" + text + "': " + matching);
      }
      return matching.get(0);
    }

    /** The first match of {@code pattern} in the prose, which must have one. */
    Matcher find(Pattern pattern) {
      Matcher matcher = pattern.matcher(prose);
      if (!matcher.find()) {
        throw new AssertionError("README \"" + title + "\" no longer says anything matching " + pattern);
      }
      return matcher;
    }
  }

  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

  static Readme read(Path file) throws IOException {
    List<Section> sections = new ArrayList<>();
    String title = null;
    StringBuilder prose = new StringBuilder();
    List<Block> blocks = new ArrayList<>();
    StringBuilder block = null;
    String language = null;
    for (String line : Files.readAllLines(file)) {
      Matcher fence = FENCE.matcher(line);
      if (block != null) {
        if (line.equals("```")) {
          blocks.add(new Block(language, block.toString()));
          block = null;
        } else {
          block.append(line).append('\n');
        }
      } else if (fence.matches()) {
        block = new StringBuilder();
        language = fence.group(1);
      } else if (line.startsWith("## ")) {
        if (title != null) {
          sections.add(new Section(title, prose.toString(), List.copyOf(blocks)));
        }
        title = line.substring(3).strip();
        prose.setLength(0);
        blocks.clear();
      } else {
        prose.append(line).append('\n');
      }
    }
    if (title != null) {
      sections.add(new Section(title, prose.toString(), List.copyOf(blocks)));
    }
    return new Readme(sections);
  }

  Section section(String title) {
    Optional<Section> section = sections.stream().filter(s -> s.title().equals(title)).findFirst();
    return section.orElseThrow(() -> new AssertionError("README.md has no section \"## " + title + "\""));
  }
}
