package dev.eddy.core.guard;

import dev.eddy.core.input.InputEvent;
import dev.eddy.schemas.QuarantinedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quarantine topic's record of an event {@code max-z} kept from learning. */
public final class Quarantine {
  private Quarantine() {}

  /**
   * The record of {@code event}, predicted by model version {@code version}, refused as {@code outlier}.
   *
   * @param features the spec's feature names, in the order of the event's values
   */
  public static QuarantinedEvent record(InputEvent event, List<String> features, long version, Outlier outlier,
      double maxZ) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      values.put(features.get(i), event.features[i]);
    }
    return QuarantinedEvent.newBuilder()
        .setId(event.id)
        .setModelKey(event.modelKey)
        .setTimestamp(event.timestamp)
        .setFeatures(values)
        .setLabel(event.hasLabel() ? event.label : null)
        .setRule(GuardRule.MAX_Z.label())
        .setReason(outlier.reason(features.get(outlier.feature()), maxZ))
        .setModelVersion(version)
        .build();
  }
}
