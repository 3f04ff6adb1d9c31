package dev.eddy.job.operator;

import dev.eddy.sinks.Output;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/** The side-output tag of each {@link Output}: its id is the output's name, its type the output's Avro record. */
public final class OutputTags {
  private OutputTags() {}

  /** The tag of {@code output} (tags are equal by id, so every call gives an equal tag). */
  public static <T extends SpecificRecordBase> OutputTag<T> of(Output<T> output) {
    return new OutputTag<>(output.name(), new AvroTypeInfo<>(output.type()));
  }
}
