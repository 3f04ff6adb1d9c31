package dev.eddy.cli.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "N events later" as produce, the demo and the benchmarks mean it. */
class LaterLabelsTest {
  @Test
  void eachLabelGoesAfterTheEventsOfTheNextNRowsAndTheRestAtTheEnd() {
    List<String> sent = new ArrayList<>();
    List<String> trace = new ArrayList<>();
    LaterLabels later = new LaterLabels(2, l -> sent.add(l.getId()));
    for (String id : new String[] {"a", "b", null, "d", "e"}) {
      later.afterEvent(id == null ? null : label(id)); // the third row has no label
      trace.add(String.join("", sent));
    }
    // after a: -, b: -, (no label): -, d: a (a, b, d held: one too many), e: ab
    assertThat(trace).containsExactly("", "", "", "a", "ab");
    later.flush();
    assertThat(sent).containsExactly("a", "b", "d", "e");
    assertThat(later.sent()).isEqualTo(4);
  }

  @Test
  void delayZeroSendsEachLabelRightAfterItsEvent() {
    List<String> sent = new ArrayList<>();
    LaterLabels later = new LaterLabels(0, l -> sent.add(l.getId()));
    later.afterEvent(label("a"));
    assertThat(sent).containsExactly("a");
  }

  @Test
  void withheldLabelsNeverCome() {
    LaterLabels never = LaterLabels.withheld();
    never.afterEvent(label("a"));
    never.flush();
    assertThat(never.sent()).isZero();
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatThrownBy(() -> new LaterLabels(-1, l -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the label delay must be >= 0 events, got -1");
  }

  private static Label label(String id) {
    return Label.newBuilder().setId(id).setTimestamp(0L).setLabel(1.0).build();
  }
}
