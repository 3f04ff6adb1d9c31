/**
 * A real Flink session cluster from Maven jars (there is no flink-dist on Maven Central for Flink 2.x):
 * {@link dev.eddy.cli.cluster.StandaloneCluster} starts a JobManager and TaskManagers as separate
 * JVMs on 127.0.0.1, {@link dev.eddy.cli.cluster.FlinkRestClient} talks to any Flink 2.2 cluster
 * over its REST API, and {@link dev.eddy.cli.cluster.JobSubmitter} deploys the Eddy job jar to it.
 */
package dev.eddy.cli.cluster;
