package dev.eddy.job.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.model.ModelState;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models leaving the cache give their native resources back: an evicted model after it was written
 * back, every cached model when the operator closes.
 */
class ModelCacheReleaseTest {
  private static ModelState model() {
    var spec = JobSpecReader.parse("""
        name: cache
        kafka: {bootstrap: "127.0.0.1:9092"}
        features: [x1]
        learner: {type: pa-i}
        """);
    return new ModelConfig("pa-i", spec.learner().params(), spec.features(), Task.BINARY, false, spec.drift(), 10)
        .freshModel();
  }

  @Test
  void evictionWritesBackThenReleasesAndCloseAllReleasesTheRest() {
    List<String> events = new ArrayList<>();
    List<ModelState> released = new ArrayList<>();
    ModelCache cache = new ModelCache(1, m -> {
      events.add("release");
      released.add(m);
    });
    ModelCache.Entry a = new ModelCache.Entry(model());
    a.dirty = true;
    cache.put("a", a, (key, m) -> events.add("write " + key));
    ModelCache.Entry b = new ModelCache.Entry(model());
    cache.put("b", b, (key, m) -> events.add("write " + key));
    assertThat(events).containsExactly("write a", "release");
    assertThat(released).containsExactly(a.model);

    cache.closeAll();
    assertThat(released).containsExactly(a.model, b.model);
    assertThat(cache.size()).isZero();
  }

  @Test
  void closeAllReleasesEveryModelEvenWhenOneFails() {
    List<ModelState> released = new ArrayList<>();
    ModelCache cache = new ModelCache(10, m -> {
      released.add(m);
      throw new IllegalStateException("close failed " + released.size());
    });
    cache.put("a", new ModelCache.Entry(model()), (key, m) -> {});
    cache.put("b", new ModelCache.Entry(model()), (key, m) -> {});
    assertThatThrownBy(cache::closeAll)
        .hasMessage("close failed 1")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("close failed 2"));
    assertThat(released).hasSize(2);
    assertThat(cache.size()).isZero();
  }
}
