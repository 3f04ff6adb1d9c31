package dev.eddy.core.input;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * The corpus of hostile records an attacker can put on the events topic, for a binary job over the
 * features {@link #FEATURES}: each with the start of the reason it is dead-lettered with, or null when
 * it is a valid record that must be accepted. Kept here (this module's test jar) so that the parsers'
 * test and the job's integration test ({@code HostileInputITCase}) feed the same records.
 */
public final class HostileRecords {
  /** The features of the job the corpus is written for. */
  public static final List<String> FEATURES = List.of("x1", "x2", "x3");
  private static final int MB = 1 << 20;

  /**
   * One record of the corpus.
   *
   * @param kind what it is, for messages
   * @param value the record's bytes
   * @param reason the start of its dead letter's reason; null when the record is valid
   */
  public record Case(String kind, byte[] value, String reason) {
    @Override
    public String toString() {
      return kind + " (" + value.length + " bytes)";
    }
  }

  private HostileRecords() {}

  /** The JSON corpus (a job with {@code input.format: json}). */
  public static List<Case> json() {
    List<Case> c = new ArrayList<>();
    c.add(json("valid", event("ok-1", "1", 1_700_000_000_000L, "1"), null));
    byte[] notUtf8 = utf8("{\"id\": \"u-\u0001\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}}");
    notUtf8[10] = (byte) 0xFF; // the \u0001
    c.add(new Case("bytes that are not UTF-8", notUtf8, "malformed JSON: Invalid UTF-8"));
    c.add(json("not an object", "[1, 2, 3]", "not a JSON object"));
    c.add(json("10,000 levels of nesting", "[".repeat(10_000) + "]".repeat(10_000), "not a JSON object"));
    c.add(json("10,000 levels of nesting in a feature", "{\"id\": \"n\", \"features\": {\"x1\": "
        + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}}", "feature 'x1' must be a number"));
    c.add(json("a 10 MB record", "{\"id\": \"big\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}, \"key\": \""
        + "k".repeat(10 * MB) + "\"}", "record of 10485"));
    c.add(json("a feature map of 1,000,000 entries", featureMap(1_000_000), "record of "));
    c.add(json("a feature map of 90,000 entries (under the size limit)", featureMap(90_000), "unknown feature 'f0'"));
    c.add(json("NaN as text", event("nan-1", "\"NaN\"", 1L, "1"), "feature 'x1' must be a number, got NaN"));
    c.add(json("NaN as a number", event("nan-2", "NaN", 1L, "1"), "malformed JSON: Non-standard token 'NaN'"));
    c.add(json("Infinity as a number", event("inf-1", "1e999", 1L, "1"), "feature 'x1' is not finite: Infinity"));
    c.add(json("-Infinity as a token", event("inf-2", "-Infinity", 1L, "1"), "malformed JSON: Non-standard token '-Infinity'"));
    c.add(json("a missing id", "{\"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}}", "missing id"));
    c.add(json("an empty id", event("", "1", 1L, "1"), "missing id"));
    c.add(json("a 1 MB id", event("i".repeat(1_000_000), "1", 1L, "1"), "id of 1000000 characters is longer"));
    c.add(json("a long key", "{\"id\": \"k\", \"key\": \"" + "k".repeat(5000)
        + "\", \"features\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}}", "key of 5000 characters is longer"));
    c.add(json("a label outside the task's classes", event("l-7", "1", 1L, "7"), "label must be 0, 1 or -1"));
    c.add(json("a negative timestamp", event("t-neg", "1", -5L, "1"), "timestamp -5 is negative"));
    c.add(json("an absurd timestamp", event("t-max", "1", Long.MAX_VALUE, "1"), "timestamp " + Long.MAX_VALUE
        + " is more than a day in the future"));
    c.add(json("trailing data after the object", event("tail", "1", 1L, "1") + " {}", "trailing data after the event"));
    c.add(json("a field given twice", "{\"id\": \"a\", \"id\": \"b\", \"features\": {}}", "field 'id' given twice"));
    c.add(json("valid, last", event("ok-2", "-1.5", 1_700_000_000_001L, "0"), null));
    return c;
  }

  /** The Avro corpus (a job with {@code input.format: avro}). */
  public static List<Case> avro() {
    List<Case> c = new ArrayList<>();
    byte[] valid = Topics.EVENT.encode(avroEvent("ok-1", 1_700_000_000_000L, 1.0, 1.0));
    c.add(new Case("valid", valid, null));
    c.add(new Case("a record of the older schema version 1", version1("ok-v1"), null));
    c.add(new Case("truncated", Arrays.copyOf(valid, valid.length / 2), "not an Avro Event"));
    byte[] fingerprint = valid.clone();
    fingerprint[5] ^= 0x5A;
    c.add(new Case("a wrong schema fingerprint", fingerprint, "not an Avro Event: no schema of Event has the fingerprint"));
    byte[] magic = valid.clone();
    magic[0] = 'X';
    c.add(new Case("bad magic bytes", magic, "not an Avro Event: not single-object encoded"));
    c.add(new Case("a newer schema not in input.writer-schemas (unknown fingerprint)", newerSchema("new-1"),
        "not an Avro Event: no schema of Event has the fingerprint"));
    c.add(new Case("a string that claims 1 GB", claimsHugeId(valid), "not an Avro Event: truncated string: 1000000000 bytes claimed"));
    c.add(new Case("a 10 MB record", Topics.EVENT.encode(Event.newBuilder(avroEvent("big", 1L, 1.0, 1.0))
        .setKey("k".repeat(10 * MB)).build()), "record of 10485"));
    Map<String, Double> million = new LinkedHashMap<>();
    for (int i = 0; i < 1_000_000; i++) {
      million.put("f" + i, 1.0);
    }
    c.add(new Case("a feature map of 1,000,000 entries", Topics.EVENT.encode(Event.newBuilder(avroEvent("m", 1L, 1.0, 1.0))
        .setFeatures(million).build()), "record of "));
    c.add(new Case("NaN as a number", Topics.EVENT.encode(avroEvent("nan", 1L, Double.NaN, 1.0)), "feature 'x1' is not finite: NaN"));
    c.add(new Case("Infinity", Topics.EVENT.encode(avroEvent("inf", 1L, Double.POSITIVE_INFINITY, 1.0)),
        "feature 'x1' is not finite: Infinity"));
    c.add(new Case("an empty id", Topics.EVENT.encode(avroEvent("", 1L, 1.0, 1.0)), "missing id"));
    c.add(new Case("a 1 MB id", Topics.EVENT.encode(avroEvent("i".repeat(1_000_000), 1L, 1.0, 1.0)),
        "id of 1000000 characters is longer"));
    c.add(new Case("a label outside the task's classes", Topics.EVENT.encode(avroEvent("l-7", 1L, 1.0, 7.0)),
        "label must be 0, 1 or -1"));
    c.add(new Case("a negative timestamp", Topics.EVENT.encode(avroEvent("t-neg", -5L, 1.0, 1.0)), "timestamp -5 is negative"));
    c.add(new Case("an absurd timestamp", Topics.EVENT.encode(avroEvent("t-max", Long.MAX_VALUE, 1.0, 1.0)),
        "timestamp " + Long.MAX_VALUE + " is more than a day in the future"));
    c.add(new Case("trailing bytes", Arrays.copyOf(valid, valid.length + 4), "trailing data after the event: 4 byte(s)"));
    c.add(new Case("valid, last", Topics.EVENT.encode(avroEvent("ok-2", 1_700_000_000_001L, -1.5, 0.0)), null));
    return c;
  }

  private static Case json(String kind, String text, String reason) {
    return new Case(kind, utf8(text), reason);
  }

  private static String event(String id, String x1, long timestamp, String label) {
    return "{\"id\": \"" + id + "\", \"timestamp\": " + timestamp + ", \"features\": {\"x1\": " + x1
        + ", \"x2\": 0.5, \"x3\": -0.5}, \"label\": " + label + "}";
  }

  private static String featureMap(int entries) {
    StringBuilder b = new StringBuilder("{\"id\": \"m\", \"features\": {");
    for (int i = 0; i < entries; i++) {
      b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
    }
    return b.append("}}").toString();
  }

  private static Event avroEvent(String id, long timestamp, double x1, double label) {
    Map<String, Double> x = new LinkedHashMap<>();
    x.put("x1", x1);
    x.put("x2", 0.5);
    x.put("x3", -0.5);
    return Event.newBuilder().setId(id).setKey(null).setTimestamp(timestamp).setFeatures(x).setLabel(label).build();
  }

  /** An event written with the released schema version 1 (no labelName). */
  private static byte[] version1(String id) {
    Schema v1 = schema("/dev/eddy/schemas/history/Event.v1.avsc");
    return generic(v1, id);
  }

  /** An event written with a newer schema than the job knows: today's plus an optional field. */
  /** Today's Event schema plus an optional {@code source}: what a producer upgraded before the job writes. */
  public static final Schema NEWER_EVENT = newerEvent();

  private static Schema newerEvent() {
    String today = Event.getClassSchema().toString();
    return new Schema.Parser().parse(today.substring(0, today.lastIndexOf(']'))
        + ",{\"name\":\"source\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
  }

  /** A valid event written with {@link #NEWER_EVENT}. */
  public static byte[] newerSchema(String id) {
    return generic(NEWER_EVENT, id);
  }

  private static byte[] generic(Schema schema, String id) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("id", id);
    r.put("key", null);
    r.put("timestamp", 1_700_000_000_000L);
    r.put("features", Map.of("x1", 1.0, "x2", 0.5, "x3", -0.5));
    r.put("label", 1.0);
    try {
      ByteBuffer b = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(r);
      return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema schema(String resource) {
    try (InputStream in = HostileRecords.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code valid} (id "ok-1" first in its body) with the id's length claiming 10^9 bytes. */
  private static byte[] claimsHugeId(byte[] valid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, 10); // marker and fingerprint
    long z = 2_000_000_000L; // zig-zag of 10^9
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    out.write(valid, 11, valid.length - 11); // the body after the id's 1-byte length
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
