package dev.eddy.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.input.HostileRecords.Case;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each record of the hostile corpus is refused with its reason (or accepted when valid) by the parser
 * of its format, and parsing it allocates at most a small multiple of the size limit, whatever the
 * record claims or holds.
 */
class HostileRecordsTest {
  private static final FeatureLayout LAYOUT = new FeatureLayout(HostileRecords.FEATURES, false);

  static Stream<Case> json() {
    return HostileRecords.json().stream();
  }

  static Stream<Case> avro() {
    return HostileRecords.avro().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("json")
  void jsonRecords(Case c) {
    check(new JsonEventParser(LAYOUT), c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avro")
  void avroRecords(Case c) {
    check(new AvroEventParser(LAYOUT), c);
  }

  @Test
  void aNewerCompatibleSchemaIsAcceptedOnceTheSpecListsIt() throws InvalidEventException {
    byte[] newer = HostileRecords.newerSchema("ok-newer");
    assertThatThrownBy(() -> new AvroEventParser(LAYOUT).parse(newer, 0))
        .hasMessageEndingWith("(a newer Event schema? list it in input.writer-schemas)");
    FeatureLayout knowing = new FeatureLayout(HostileRecords.FEATURES, false)
        .withWriterSchemas(List.of(HostileRecords.NEWER_EVENT.toString()));
    InputEvent e = new AvroEventParser(knowing).parse(newer, 0);
    assertThat(e.id).isEqualTo("ok-newer");
    assertThat(e.features).endsWith(0.5, -0.5);
  }

  private static void check(EventParser parser, Case c) {
    if (c.reason() == null) { // warm the parser's codec up so that its creation is not counted below
      assertThat(uncheckedParse(parser, c).features).endsWith(0.5, -0.5);
    } else {
      assertThatThrownBy(() -> parser.parse(new byte[0], 0)).isInstanceOf(InvalidEventException.class);
    }
    long before = allocated();
    if (c.reason() == null) {
      assertThat(uncheckedParse(parser, c).id).startsWith("ok-");
    } else {
      assertThatThrownBy(() -> parser.parse(c.value(), 0))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageStartingWith(c.reason());
    }
    long bound = 4L * Math.min(c.value().length, InputLimits.MAX_RECORD_BYTES) + (1 << 20);
    assertThat(allocated() - before).as("bytes allocated parsing " + c).isLessThan(bound);
  }

  private static InputEvent uncheckedParse(EventParser parser, Case c) {
    try {
      return parser.parse(c.value(), 0);
    } catch (InvalidEventException e) {
      throw new AssertionError(c + " refused: " + e.getMessage(), e);
    }
  }

  private static long allocated() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
