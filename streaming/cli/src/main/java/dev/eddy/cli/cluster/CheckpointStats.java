package dev.eddy.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job's checkpoint statistics as Flink's REST API reports them.
 *
 * @param completed checkpoints completed since the job (or its last restore) started
 * @param failed checkpoints failed
 * @param restores how many times the job restored from a checkpoint or savepoint
 * @param latestCompletedId id of the latest completed checkpoint, or -1
 * @param restored the latest restore, or null if the job never restored
 */
public record CheckpointStats(long completed, long failed, long restores, long latestCompletedId, Restored restored) {

  /**
   * A restore from a checkpoint or savepoint.
   *
   * @param checkpointId the restored checkpoint's id
   * @param restoreTimestamp when the restore happened, epoch milliseconds
   * @param savepoint whether it was a savepoint
   * @param externalPath where it was stored
   */
  public record Restored(long checkpointId, long restoreTimestamp, boolean savepoint, String externalPath) {}

  static CheckpointStats of(JsonNode json) {
    JsonNode counts = json.path("counts");
    JsonNode latest = json.path("latest");
    JsonNode r = latest.path("restored");
    Restored restored = r.isObject()
        ? new Restored(r.path("id").asLong(), r.path("restore_timestamp").asLong(),
            r.path("is_savepoint").asBoolean(), r.path("external_path").asText(null))
        : null;
    return new CheckpointStats(counts.path("completed").asLong(), counts.path("failed").asLong(),
        counts.path("restored").asLong(), latest.path("completed").path("id").asLong(-1), restored);
  }
}
