package dev.eddy.cli.workload;

import dev.eddy.schemas.Label;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Labels that come later, as a replay produces them: each event's label is held back and sent after the
 * events of the next {@code delay} rows, the last ones when the replay ends ({@link #flush()}). One place
 * for {@code bin/eddy produce --labels-topic}, {@code demo --label-delay} and the benchmarks, so they all
 * mean the same by "N events later".
 */
public final class LaterLabels {
  private final ArrayDeque<Label> held = new ArrayDeque<>();
  private final int delay;
  private final Consumer<Label> send;
  private final boolean withhold;
  private long sent;

  /**
   * @param delay events between an event and its label (0: right after its event)
   * @param send where a label goes when its time comes
   */
  public LaterLabels(int delay, Consumer<Label> send) {
    this(delay, send, false);
  }

  private LaterLabels(int delay, Consumer<Label> send, boolean withhold) {
    if (delay < 0) {
      throw new IllegalArgumentException("the label delay must be >= 0 events, got " + delay);
    }
    this.delay = delay;
    this.send = send;
    this.withhold = withhold;
  }

  /** Labels that never come (every event waits for its label): nothing is held or sent. */
  public static LaterLabels withheld() {
    return new LaterLabels(0, label -> {}, true);
  }

  /**
   * Called once an event has been sent, with its label (null: the event has none); sends the label whose
   * event is now {@code delay} events back, if any.
   */
  public void afterEvent(Label label) {
    if (label != null && !withhold) {
      held.add(label);
    }
    if (held.size() > delay) {
      send.accept(held.poll());
      sent++;
    }
  }

  /** Sends the labels still held (the replay's end). */
  public void flush() {
    for (Label label; (label = held.poll()) != null; sent++) {
      send.accept(label);
    }
  }

  /** Labels sent so far. */
  public long sent() {
    return sent;
  }

  public int delay() {
    return delay;
  }
}
