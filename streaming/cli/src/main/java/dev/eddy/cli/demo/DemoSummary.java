package dev.eddy.cli.demo;

import java.util.List;

/**
 * What the demo did, as printed at the end and written by {@code --summary FILE} (JSON).
 *
 * @param events valid events produced
 * @param predictions distinct event ids with a committed prediction
 * @param accuracy prequential accuracy over the committed predictions
 * @param deadLetters records on the dead-letter topic
 * @param eventsPerSecond events / job wall time
 * @param wallSeconds job wall time, from submission to the end of the bounded run (MiniCluster start
 *     included)
 * @param driftPoints true positions where the SEA concept changes
 * @param drifts positions (labelled examples) where the concept detector signalled DRIFT
 * @param modelVersions model versions seen on the predictions
 * @param labelDelay events between an event and its label on the labels topic; null when each label
 *     rode on its event
 * @param labelsMatched labels from the labels topic joined with their event (the job's {@code
 *     eddyLabelsMatched})
 * @param labelsExpired events that waited {@code labels.wait} for their label in vain ({@code
 *     eddyLabelsExpired})
 * @param labelsEarly labels that came before their event and waited for it ({@code eddyLabelsEarly})
 */
public record DemoSummary(
    long events,
    long predictions,
    double accuracy,
    long deadLetters,
    double eventsPerSecond,
    double wallSeconds,
    List<Long> driftPoints,
    List<Long> drifts,
    List<Long> modelVersions,
    Integer labelDelay,
    long labelsMatched,
    long labelsExpired,
    long labelsEarly) {}
