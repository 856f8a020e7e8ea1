package io.influence.scorer.cli;

public final class ScorerCli {
  public static void main(String[] args) {
    System.out.println(new io.influence.schema.InteractionEvent().getClass());
  }
}
