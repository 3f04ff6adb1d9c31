/**
 * JMH benchmarks of the drift detectors. Run {@code java -jar drift/benchmarks/target/benchmarks.jar}
 * after {@code mvn -pl drift/benchmarks -am package -DskipTests}; the detection-delay and false-alarm
 * table comes from {@code java -cp drift/benchmarks/target/benchmarks.jar
 * dev.eddy.drift.testing.DriftSuite}.
 */
package dev.eddy.drift.benchmarks;
