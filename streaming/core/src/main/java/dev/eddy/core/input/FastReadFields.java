package dev.eddy.core.input;

/**
 * The top-level fields of the last event a fast reader ({@link FastEventReader}, {@link FastJsonEventReader})
 * read; with the feature vector it read, they make the event through {@link FeatureLayout#event}, the same
 * checks the strict readers' values go through.
 */
abstract class FastReadFields {
  String id;
  String key;
  long timestamp;
  Double label;
  String labelName;

  InputEvent event(FeatureLayout layout, double[] vector) throws InvalidEventException {
    return layout.event(id, key, timestamp, vector, label, labelName);
  }
}
