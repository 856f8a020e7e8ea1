package io.influence.scorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.connector.JsonlEventReader;
import io.influence.embedded.FreePorts;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.AccountLink;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.replay.ReplayRunner;
import io.influence.scorer.service.ScorerService;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser: Debian's headless Chromium, driven through its chromedriver, against
 * a scorer on the embedded stack that has scored ten days of engagement. Each page is held to what the
 * API answers, checked with axe-core for serious accessibility faults, and looked at phone-wide.
 *
 * <p>With {@code -Dinfluence.screenshots=DIR} it saves a screenshot of each page there (the README's
 * come from {@code docs/img}; the README says how to refresh them).
 */
class WebPageIT {
  private static final String CELEBRITY = "twitter:celebrity1";
  private static final int DAYS = 10;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path work;

  private static EmbeddedStack stack;
  private static ScorerService scorer;
  private static ChromeDriver browser;
  private static String base;

  @BeforeAll
  static void scoreTenDaysAndOpenABrowser() throws Exception {
    stack = EmbeddedStack.startOnFreePorts();
    ScorerConfig config = stack.scorerConfig(work.resolve("state"), FreePorts.next());
    scorer = ScorerService.start(config, Clock.systemUTC());
    scorer.awaitRunning(Duration.ofMinutes(1));
    base = "http://localhost:" + scorer.httpPort();
    linkAccount(config, "mastodon", "celebrity1@example.social");
    long published = new ReplayRunner(config, System.out).publish(new JsonlEventReader(tenDaysOfEngagement())).published();
    await("every event scored and the link read").atMost(Duration.ofMinutes(2))
        .until(() -> scorer.metrics().allOutcomes() >= published && api("/v1/users/" + CELEBRITY + "/accounts").get("accounts").has(0));
    browser = startBrowser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (scorer != null) {
      scorer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theProfileShowsTheApisScoreADailyChartTopicsAndTheLinkedAccount() throws Exception {
    open("/u/" + CELEBRITY, new Dimension(1100, 1400));
    JsonNode user = api("/v1/users/" + CELEBRITY);

    // Hidden until the API answers, the score reads as empty text before that, not as its placeholder.
    String score = "%.2f".formatted(user.get("score").asDouble());
    waitFor(() -> text("#score").equals(score));
    assertThat(browser.findElements(By.cssSelector("#chart circle.point"))).hasSizeGreaterThanOrEqualTo(7);
    assertThat(texts("#topics .name")).isEqualTo(fieldValues(user.get("topics"), "topic"));
    assertThat(text("#accounts")).contains("mastodon: celebrity1@example.social");
    assertThat(browser.findElements(By.cssSelector("#contributors li a"))).isNotEmpty();
    assertNoSeriousAccessibilityFault();
    screenshot("profile.png");
  }

  @Test
  void theLeaderboardsListTheApisLeadersInTheApisOrderGloballyAndByTopic() throws Exception {
    open("/", new Dimension(1100, 900));

    List<String> leaders = fieldValues(api("/v1/leaders?limit=20").get("leaders"), "userId");
    waitFor(() -> texts("#leaders .user").equals(leaders));
    assertNoSeriousAccessibilityFault();
    screenshot("leaderboards.png");

    String topic = api("/v1/topics").get("topics").get(0).get("topic").asText();
    waitFor(() -> !browser.findElements(By.cssSelector("#topic option[value='" + topic + "']")).isEmpty());
    new Select(browser.findElement(By.id("topic"))).selectByValue(topic);
    List<String> topicLeaders = fieldValues(api("/v1/topics/" + topic + "/leaders?limit=20").get("leaders"), "userId");
    waitFor(() -> texts("#leaders .user").equals(topicLeaders));
  }

  @Test
  void anUnknownUserGetsAMessageNotABlankPage() {
    open("/u/twitter:nobody", new Dimension(1100, 900));

    waitFor(() -> browser.findElement(By.id("message")).isDisplayed());
    assertThat(text("#message")).isEqualTo("No score for twitter:nobody yet. A score appears once someone shares, mentions or replies to them.");
    assertThat(browser.findElement(By.id("profile")).isDisplayed()).isFalse();
  }

  /**
   * While the scorer restores its state, the API answers 503 with Retry-After; the browser is made to see
   * that (its fetch of /v1 answered 503 by a script Chromium runs before the page's own), since a real
   * restore cannot be held still for a test. The page must say so, not show nothing.
   */
  @Test
  void anApiThatIsRestoringGetsAMessageNotABlankPage() {
    Object script = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        const realFetch = window.fetch;
        window.fetch = (url, options) => String(url).startsWith('/v1/')
            ? Promise.resolve(new Response(JSON.stringify({status: 503, error: 'unavailable', message: 'restoring'}),
                {status: 503, headers: {'Content-Type': 'application/json', 'Retry-After': '1'}}))
            : realFetch(url, options);
        """)).get("identifier");
    try {
      for (String page : List.of("/", "/u/" + CELEBRITY)) {
        open(page, new Dimension(1100, 900));

        waitFor(() -> browser.findElement(By.id("message")).isDisplayed());
        assertThat(text("#message")).as(page).isEqualTo(
            "The scorer is starting or restoring its state. This page tries again in a few seconds.");
      }
    } finally {
      browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
    }
  }

  @Test
  void bothPagesFitAPhoneAndLoadWithinASecond() {
    for (String page : List.of("/", "/u/" + CELEBRITY)) {
      open(page, new Dimension(390, 844));
      waitFor(() -> !browser.findElements(By.cssSelector("#leaders .user, #chart circle.point")).isEmpty());

      Number overflow = (Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      Number loadMillis = (Number) script("return performance.getEntriesByType('navigation')[0].loadEventEnd");
      System.out.printf("%s: loaded in %.0f ms%n", page, loadMillis.doubleValue());
      assertThat(overflow.intValue()).as("%s scrolls sideways at phone width", page).isLessThanOrEqualTo(0);
      assertThat(loadMillis.doubleValue()).as("%s load time, ms", page).isLessThan(1000);
    }
  }

  private static ChromeDriver startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--disable-dev-shm-usage");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void open(String path, Dimension size) {
    browser.manage().window().setSize(size);
    browser.get(base + path);
  }

  private static void waitFor(BooleanSupplier condition) {
    // The leaderboards page redraws its list as it refreshes: an element read during a redraw is stale.
    new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> condition.getAsBoolean());
  }

  private static String text(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText();
  }

  private static List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
  }

  private static Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  /** Runs axe-core in the page and fails on any serious or critical violation, naming each. */
  private static void assertNoSeriousAccessibilityFault() throws IOException {
    try (var axe = WebPageIT.class.getResourceAsStream("/axe-core/axe.min.js")) {
      script(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
    }
    Object violations = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document).then(result => done(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')));
        """);
    assertThat((List<?>) violations).as("axe-core on %s", browser.getCurrentUrl()).isEmpty();
  }

  private static void screenshot(String name) throws IOException {
    String directory = System.getProperty("influence.screenshots");
    if (directory != null) {
      Files.write(Path.of(directory, name), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  private static JsonNode api(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static List<String> fieldValues(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.get(field).asText()));
    return values;
  }

  private static void linkAccount(ScorerConfig config, String network, String account) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    var serializer = ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).accountLinks().serializer();
    try (KafkaProducer<String, AccountLink> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(config.get(ScorerConfig.ACCOUNT_LINKS_TOPIC), network + ":" + account,
          new AccountLink(network, account, CELEBRITY, Instant.now()))).get();
    }
  }

  /**
   * Ten days up to an hour ago, in time order: each day, fans share, mention, reply to and like three
   * celebrities about a few topics, the first most, so that each has a point a day on the chart.
   */
  private static Path tenDaysOfEngagement() throws IOException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(DAYS - 1)).minus(Duration.ofHours(8));
    String[] types = {"SHARE", "MENTION", "REPLY", "LIKE"};
    String[] topics = {"cooking", "travel", "technology"};
    List<String> lines = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      for (int i = 0; i < 40; i++) {
        int celebrity = 1 + i % 4 % 3;
        Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(10L * i));
        lines.add(JSON.writeValueAsString(Map.of("eventId", "d" + day + "-" + i, "network", "twitter", "type", types[i % types.length],
            "actorAccount", "fan" + (day * 7 + i) % 60, "targetAccount", "celebrity" + celebrity,
            "topics", List.of(topics[(i + day) % topics.length]), "occurredAt", at.toString())));
      }
    }
    return Files.write(work.resolve("ten-days.jsonl"), lines);
  }
}
