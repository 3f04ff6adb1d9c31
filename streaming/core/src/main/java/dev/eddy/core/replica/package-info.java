/**
 * One global model trained data-parallel ({@code models.replicas}), engine-free: a {@link
 * dev.eddy.core.replica.Replica} learns on its share of the events and contributes its learner and
 * the standardizer statistics of its new values every {@code models.merge-every} labelled examples;
 * {@link dev.eddy.core.replica.RoundMerge} combines a round's contributions, the same on every
 * replica; each replica adopts the result. The Flink job carries the contributions between
 * replicas through a Kafka topic ({@code dev.eddy.job.replica}).
 */
package dev.eddy.core.replica;
