package dev.eddy.cli.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of a Prometheus endpoint in the text exposition format (version 0.0.4): its samples, with
 * their labels. What the benchmark scrapes while the job runs and what the tests read Eddy's metrics
 * from, as a Prometheus server would.
 *
 * @param samples every sample line, in order
 */
public record PrometheusScrape(List<Sample> samples) {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One sample: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** GETs {@code url} (e.g. {@code http://127.0.0.1:9249/metrics}) and parses it. */
  public static PrometheusScrape get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + r.statusCode());
    }
    return parse(r.body());
  }

  /** Parses the text format; comment lines ({@code # HELP}, {@code # TYPE}) are skipped. */
  public static PrometheusScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name;
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        parseLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
      } else {
        name = line.substring(0, space);
      }
      samples.add(new Sample(name, labels, parseValue(line.substring(space + 1))));
    }
    return new PrometheusScrape(List.copyOf(samples));
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /** {@code a="x",b="y\"z"}: values are quoted, with backslash escapes. */
  private static void parseLabels(String s, Map<String, String> into) {
    int i = 0;
    while (i < s.length()) {
      int eq = s.indexOf('=', i);
      String key = s.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // past ="
      while (s.charAt(j) != '"') {
        char c = s.charAt(j);
        if (c == '\\') {
          char n = s.charAt(++j);
          value.append(n == 'n' ? '\n' : n);
        } else {
          value.append(c);
        }
        j++;
      }
      into.put(key, value.toString());
      i = j + 1;
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
      }
    }
  }

  /** The samples named {@code name}. */
  public List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The sum of the values of the samples named {@code name} whose labels match (all subtasks together). */
  public double sum(String name, Predicate<Map<String, String>> labels) {
    return named(name).stream().filter(s -> labels.test(s.labels())).mapToDouble(Sample::value).sum();
  }

  /** The sum over every sample named {@code name}. */
  public double sum(String name) {
    return sum(name, l -> true);
  }
}
