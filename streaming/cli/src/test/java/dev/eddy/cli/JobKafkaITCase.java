package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.spec.JobSpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Before a job starts, its Kafka cluster gets the topics and is checked to allow the transactions' timeout. */
class JobKafkaITCase {
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();

  private String spec(String name, String properties) {
    return "name: " + name + "\nkafka: {bootstrap: '" + kafka.bootstrap() + "', properties: {" + properties + "},"
        + " topics: {events: " + name + "-events, predictions: " + name + "-p, drift: " + name + "-d, models: " + name + "-m,"
        + " dead-letter: " + name + "-dl, labels: " + name + "-l}}\nfeatures: [a]\nlearner: {type: pa}\n";
  }

  @Test
  void aTransactionTimeoutAboveTheBrokersMaximumIsRefusedBeforeTheJobStarts() {
    // the broker's transaction.max.timeout.ms is Kafka's default, 15 min
    assertThatThrownBy(() -> JobKafka.prepare(JobSpecReader.parse(spec("too-long", "transaction.timeout.ms: 1800000"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Kafka transaction timeout (30min, kafka.properties.transaction.timeout.ms) is above the brokers'"
            + " transaction.max.timeout.ms (15min): lower it, or raise the brokers' maximum");
    JobKafka.prepare(JobSpecReader.parse(spec("fits", "transaction.timeout.ms: 600000")));
    assertThat(kafka.readCommitted("fits-m")).isEmpty(); // the topics exist
  }
}
