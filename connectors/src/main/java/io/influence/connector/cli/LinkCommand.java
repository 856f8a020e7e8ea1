package io.influence.connector.cli;

import io.influence.connector.PublisherSettings;
import io.influence.connector.link.AccountLinkFile;
import io.influence.connector.link.AccountLinkPublisher;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.schema.AccountLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code link}: connects a person's accounts on several networks into one score. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Publish account links from a file, so that each person's accounts on several networks count towards one score.",
        "CSV lines network,account,personId (an optional header names them), or JSON Lines with those fields (FILE.jsonl).",
        "A later link of the same account replaces the earlier one (docs/CONNECTORS.md, Connecting your networks)."})
final class LinkCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The links: .csv (or any other name) for CSV, .jsonl for JSON Lines.")
  Path file;

  @Option(names = "--topic", defaultValue = "account-links", description = "Compacted topic the scorer reads links from (default ${DEFAULT-VALUE}).")
  String topic;

  @Mixin
  PublishOptions publish;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(file)) {
      throw new ParameterException(spec.commandLine(), file + ": no such file, or not readable");
    }
    List<AccountLink> links;
    PublisherSettings settings;
    try {
      links = AccountLinkFile.read(file, Instant.now());
      settings = publish.publisherSettings();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    new AccountLinkPublisher(settings, ConfluentAvroSerde.forValues(publish.registry(), AccountLink.class).serializer())
        .publish(topic, links);
    long people = links.stream().map(AccountLink::getPersonId).distinct().count();
    spec.commandLine().getOut().printf("linked %d accounts of %d people on %s%n", links.size(), people, topic);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
