/**
 * GPUs for the TensorFlow learners. At job-build time {@link dev.eddy.job.gpu.GpuPlacement}
 * decides whether the learner operator asks for a slot with Flink's external resource {@code gpu}
 * (sized by {@link dev.eddy.job.gpu.GpuSlots}); in each learner subtask {@link
 * dev.eddy.job.gpu.LearnerDevice} takes the GPU index Flink gives the TaskManager (from Eddy's
 * GPU driver plugin, {@code streaming/gpu-plugin}) and places the subtask's TensorFlow sessions on it.
 */
package dev.eddy.job.gpu;
