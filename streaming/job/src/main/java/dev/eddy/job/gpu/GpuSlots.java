package dev.eddy.job.gpu;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.graph.StreamGraphGenerator;

/**
 * The slots a job asks for when its learner runs on a GPU (fine-grained resource management), sized
 * from the configuration the job is built with:
 *
 * <ul>
 *   <li>the learner's group {@value GpuPlacement#GROUP}: {@code eddy.gpu.slot.cpu-cores} (default
 *       1), {@code eddy.gpu.slot.task-heap} (256m), {@code eddy.gpu.slot.task-off-heap} (0; the
 *       TaskManager must have that much {@code taskmanager.memory.task.off-heap.size}), {@code
 *       eddy.gpu.slot.managed} (128m, RocksDB's share: must be > 0 for the keyed learner) and one
 *       {@code gpu};
 *   <li>the {@code default} group of the other operators (source, decoder, dead-letter sink): {@code
 *       eddy.gpu.other-slot.cpu-cores} (1), {@code eddy.gpu.other-slot.task-heap} (128m), no managed
 *       memory, no GPU.
 * </ul>
 *
 * The default group is sized too because a slot of unknown size gets a TaskManager's "default slot"
 * — its total divided by its slot count, GPUs included — so on a GPU TaskManager the source would
 * take half a GPU and the learner's slot would no longer fit.
 */
public final class GpuSlots {
  /** CPU cores of a GPU slot. */
  public static final ConfigOption<Double> CPU_CORES =
      key("eddy.gpu.slot.cpu-cores").doubleType().defaultValue(1.0).withDescription("CPU cores of a GPU slot.");

  /** Task heap of a GPU slot. */
  public static final ConfigOption<MemorySize> TASK_HEAP = memory("eddy.gpu.slot.task-heap", 256, "Task heap of a GPU slot.");

  /** Task off-heap memory of a GPU slot. */
  public static final ConfigOption<MemorySize> TASK_OFF_HEAP =
      memory("eddy.gpu.slot.task-off-heap", 0, "Task off-heap memory of a GPU slot.");

  /** Managed memory of a GPU slot (RocksDB). */
  public static final ConfigOption<MemorySize> MANAGED =
      memory("eddy.gpu.slot.managed", 128, "Managed memory (RocksDB) of a GPU slot.");

  /** CPU cores of a slot of the other operators. */
  public static final ConfigOption<Double> OTHER_CPU_CORES = key("eddy.gpu.other-slot.cpu-cores").doubleType()
      .defaultValue(1.0).withDescription("CPU cores of a slot of the operators besides the learner.");

  /** Task heap of a slot of the other operators. */
  public static final ConfigOption<MemorySize> OTHER_TASK_HEAP =
      memory("eddy.gpu.other-slot.task-heap", 128, "Task heap of a slot of the operators besides the learner.");

  private GpuSlots() {}

  /** The learner's group: the configured resources and one GPU. */
  static SlotSharingGroup gpuGroup(ReadableConfig config) {
    return SlotSharingGroup.newBuilder(GpuPlacement.GROUP)
        .setCpuCores(config.get(CPU_CORES))
        .setTaskHeapMemory(config.get(TASK_HEAP))
        .setTaskOffHeapMemory(config.get(TASK_OFF_HEAP))
        .setManagedMemory(config.get(MANAGED))
        .setExternalResource(GpuPlacement.RESOURCE, 1)
        .build();
  }

  /** The {@code default} group, sized so that it takes no GPU. */
  static SlotSharingGroup otherGroup(ReadableConfig config) {
    return SlotSharingGroup.newBuilder(StreamGraphGenerator.DEFAULT_SLOT_SHARING_GROUP)
        .setCpuCores(config.get(OTHER_CPU_CORES))
        .setTaskHeapMemory(config.get(OTHER_TASK_HEAP))
        .setTaskOffHeapMemory(MemorySize.ZERO)
        .setManagedMemory(MemorySize.ZERO)
        .build();
  }

  private static ConfigOption<MemorySize> memory(String name, int mebiBytes, String description) {
    return key(name).memoryType().defaultValue(MemorySize.ofMebiBytes(mebiBytes)).withDescription(description);
  }
}
