package io.influence.scorer.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page for people, served by the scorer on its API's port: the leaderboards at {@code /} (to a
 * browser) and a profile at {@code /u/{userId}}, one HTML page whose script shows the one the address
 * asks for, and its scripts and style under {@code /web/}. The pages
 * read only the public {@code /v1} API, from the browser; they are plain ES modules with no build step
 * and nothing fetched from elsewhere. Loaded from the jar once, at start-up.
 */
public final class WebPages {
  public static final String PROFILE_ROUTE = "/u/{userId}";
  public static final String ASSET_ROUTE = "/web/{asset}";
  private static final String RESOURCES = "/web/";
  private static final List<String> ASSETS = List.of("index.html", "app.css", "app.js", "api.js", "leaderboards.js", "profile.js",
      "chart.js");
  /** Scripts and styles from this origin only, no inline code, not framed, and API calls back to this origin. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  private record Asset(byte[] content, String contentType) {}

  private final Map<String, Asset> assets;

  private WebPages(Map<String, Asset> assets) {
    this.assets = assets;
  }

  /** @throws IllegalStateException if the jar lacks one of the pages' files */
  public static WebPages load() {
    Map<String, Asset> assets = new HashMap<>();
    for (String name : ASSETS) {
      try (InputStream in = WebPages.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IllegalStateException("the web page's " + RESOURCES + name + " is missing from the class path");
        }
        assets.put(name, new Asset(in.readAllBytes(), contentType(name)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
      }
    }
    return new WebPages(assets);
  }

  /** Adds the profile page and the assets; {@code /} stays the API's, which asks {@link #wantsPage}. */
  public void installOn(RoutesConfig routes) {
    routes.get(PROFILE_ROUTE, ctx -> serve(ctx, "index.html"));
    routes.get(ASSET_ROUTE, ctx -> {
      String name = ctx.pathParam("asset");
      if (assets.containsKey(name) && !name.endsWith(".html")) {
        serve(ctx, name);
      } else {
        ctx.status(HttpStatus.NOT_FOUND);
      }
    });
  }

  /** Whether {@code ctx} comes from a browser, which gets the leaderboards page rather than the API's index. */
  public static boolean wantsPage(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  /** Answers with the leaderboards page. */
  public void serveLeaderboards(Context ctx) {
    serve(ctx, "index.html");
  }

  private void serve(Context ctx, String name) {
    Asset asset = assets.get(name);
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    // Small and served from memory: the browser asks again each time, so a new version shows at once.
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(asset.contentType()).result(asset.content());
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/css; charset=utf-8";
  }
}
