/**
 * GPUs for the TensorFlow learners. At job-build time {@link dev.eddy.streaming.gpu.GpuPlacement}
 * decides whether the learner operator asks for a slot with Flink's external resource {@code gpu}
 * (sized by {@link dev.eddy.streaming.gpu.GpuSlots}); in each learner subtask {@link
 * dev.eddy.streaming.gpu.LearnerDevice} takes the GPU index Flink gives the TaskManager (from Eddy's
 * GPU driver plugin, {@code streaming/gpu-plugin}) and places the subtask's TensorFlow sessions on it.
 */
package dev.eddy.streaming.gpu;
