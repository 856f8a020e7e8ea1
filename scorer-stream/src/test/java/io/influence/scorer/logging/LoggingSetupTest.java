package io.influence.scorer.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.config.ScorerConfig.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
  private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Level before = logback.getLogger(LoggingSetup.OUR_LOGGERS).getLevel();

  @AfterEach
  void restore() {
    logback.getLogger(LoggingSetup.OUR_LOGGERS).setLevel(before);
    LogFormatFilter.choose(LogFormat.TEXT);
  }

  private static LogFormatFilter filterFor(String format) {
    LogFormatFilter filter = new LogFormatFilter();
    filter.setFormat(format);
    return filter;
  }

  @Test
  void theConfiguredFormatChoosesWhichAppenderWrites() {
    LogFormatFilter text = filterFor("text");
    LogFormatFilter json = filterFor("json");

    LoggingSetup.apply(ScorerConfig.defaults().with(Map.of("log.format", "json")));
    assertThat(json.decide(new LoggingEvent())).isEqualTo(FilterReply.NEUTRAL);
    assertThat(text.decide(new LoggingEvent())).isEqualTo(FilterReply.DENY);

    LoggingSetup.apply(ScorerConfig.defaults());
    assertThat(text.decide(new LoggingEvent())).isEqualTo(FilterReply.NEUTRAL);
    assertThat(json.decide(new LoggingEvent())).isEqualTo(FilterReply.DENY);
  }

  @Test
  void theEnvironmentChoosesBeforeTheConfigurationIsReadInAnyCase() {
    assertThat(LogFormatFilter.fromEnvironment("JSON")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormatFilter.fromEnvironment(" json ")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormatFilter.fromEnvironment(null)).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormatFilter.fromEnvironment("text")).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void theConfiguredLevelAppliesToTheServicesOwnLoggers() {
    LoggingSetup.apply(ScorerConfig.defaults().with(Map.of("log.level", "debug")));

    assertThat(logback.getLogger("io.influence.scorer.topology.ScoringProcessor").isDebugEnabled()).isTrue();
    assertThat(logback.getLogger("org.apache.kafka.clients.consumer.KafkaConsumer").isDebugEnabled()).isFalse();
  }
}
