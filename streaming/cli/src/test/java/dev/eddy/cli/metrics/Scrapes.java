package dev.eddy.cli.metrics;

import java.util.function.Predicate;

/** Waiting for a running job's Prometheus endpoint to show what a test expects. */
public final class Scrapes {
  private Scrapes() {}

  /** Scrapes {@code url} until {@code done} holds (within 150 s); the reporter starts with the TaskManager. */
  public static PrometheusScrape await(String url, Predicate<PrometheusScrape> done) throws Exception {
    long deadline = System.nanoTime() + 150_000_000_000L;
    PrometheusScrape last = null;
    Exception failure = null;
    while (System.nanoTime() < deadline) {
      try {
        last = PrometheusScrape.get(url);
        if (done.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        failure = e; // the reporter starts with the TaskManager
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the scrape never showed what the test waits for; last: "
        + (last == null ? failure : last.samples().size() + " samples"));
  }
}
