package dev.eddy.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InputLabel;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.input.RawRecord;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Events and labels cross the network to the learner unchanged, field by field. */
class ModelInputSerializerTest {
  private static ModelInput roundTrip(ModelInput in) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    ModelInputSerializer.INSTANCE.serialize(in, out);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    ModelInputSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    return ModelInputSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void eventsAndLabelsRoundTrip() throws Exception {
    ModelInput event = roundTrip(ModelInput.of(new InputEvent("e-1", "k", 7, new double[] {1.5, -2}, Double.NaN)));
    assertThat(event.label).isNull();
    assertThat(event.event.id).isEqualTo("e-1");
    assertThat(event.event.modelKey).isEqualTo("k");
    assertThat(event.event.timestamp).isEqualTo(7);
    assertThat(event.event.features).containsExactly(1.5, -2.0);
    assertThat(event.event.hasLabel()).isFalse();

    ModelInput label = roundTrip(ModelInput.of(new InputLabel("e-2", "global", 9, 1.0,
        new RawRecord("labels", 3, 44, 8, null, new byte[] {1, 2}))));
    assertThat(label.event).isNull();
    assertThat(label.label.id).isEqualTo("e-2");
    assertThat(label.label.label).isEqualTo(1.0);
    assertThat(label.label.source.offset).isEqualTo(44);
    assertThat(label.label.source.key).isNull();
    assertThat(label.label.source.value).containsExactly(1, 2);
    assertThat(ModelInputSerializer.INSTANCE.copy(label).label.source.value).containsExactly(1, 2);
  }

  @Test
  void aReplicaContributionRoundTrips() throws Exception {
    ModelInput sync = roundTrip(ModelInput.of(new dev.eddy.core.input.SyncInput(3, new byte[] {7, 8, 9})));
    assertThat(sync.event).isNull();
    assertThat(sync.label).isNull();
    assertThat(sync.sync.replica).isEqualTo(3);
    assertThat(sync.sync.contribution).containsExactly(7, 8, 9);
    assertThat(ModelInputSerializer.INSTANCE.copy(sync).sync.contribution).containsExactly(7, 8, 9);
  }
}
