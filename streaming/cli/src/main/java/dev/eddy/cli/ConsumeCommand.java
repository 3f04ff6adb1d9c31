package dev.eddy.cli;

import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.schemas.codec.JsonView;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/eddy consume}: prints the records of any Eddy topic as JSON lines. */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the records of an Eddy topic as JSON lines (Avro decoded, read_committed).",
      "Field names are as in the Avro schema. JSON values are printed as they are; other bytes as",
      "{\"undecodable\": base64}."
    })
public final class ConsumeCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--topic", required = true, description = "The topic to read.")
  String topic;

  @Option(names = "--from-beginning", description = "Start at the beginning (default: only new records).")
  boolean fromBeginning;

  @Option(names = "--max", defaultValue = "0", description = "Exit after this many records (0 = no limit).")
  long max;

  @Option(names = "--idle-timeout", defaultValue = "10s", converter = DurationConverter.class,
      description = "Exit when no record arrived for this long (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Override
  public Integer call() {
    if (max < 0) {
      throw new IllegalArgumentException("--max must be >= 0, got " + max);
    }
    PrintStream out = System.out;
    long n = fromBeginning
        ? KafkaClients.readAll(kafka.checkedConnection(), topic, true, max, idleTimeout, r -> out.println(render(r)))
        : readNew(out);
    out.flush();
    System.err.println(n + " records");
    return 0;
  }

  private long readNew(PrintStream out) {
    long n = 0;
    try (var c = KafkaClients.consumer(kafka.checkedConnection(), topic, true, false)) {
      long last = System.nanoTime();
      while (max == 0 || n < max) {
        var records = c.poll(Duration.ofMillis(200));
        if (records.isEmpty() && System.nanoTime() - last > idleTimeout.toNanos()) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
          last = System.nanoTime();
          out.println(render(r));
          if (++n == max) {
            break;
          }
        }
      }
    }
    return n;
  }

  static String render(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) {
      return "null";
    }
    SpecificRecordBase record = Topics.decodeAny(r.value());
    if (record != null) {
      return JsonView.toJson(record);
    }
    String text = new String(r.value(), StandardCharsets.UTF_8);
    if (text.startsWith("{") && text.endsWith("}")) {
      return text; // a JSON event as produced by any client
    }
    return "{\"undecodable\":\"" + Base64.getEncoder().encodeToString(r.value()) + "\"}";
  }
}
