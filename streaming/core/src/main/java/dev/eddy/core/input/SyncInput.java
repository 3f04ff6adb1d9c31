package dev.eddy.core.input;

/**
 * A replica's contribution to a merge round ({@code models.replicas}), read back from the job's
 * replica-sync topic and addressed to one replica: every replica receives every contribution, as one
 * of these each. A Flink POJO.
 */
public class SyncInput {
  /** The replica it is addressed to, 0..replicas-1. */
  public int replica;
  /** The contribution, as on the topic (Avro single-object encoding of {@code ReplicaContribution}). */
  public byte[] contribution;

  public SyncInput() {}

  public SyncInput(int replica, byte[] contribution) {
    this.replica = replica;
    this.contribution = contribution;
  }
}
