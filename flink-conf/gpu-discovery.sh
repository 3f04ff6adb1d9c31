#!/usr/bin/env bash
# GPU discovery script of a GPU TaskManager, run once at TaskManager start by Eddy's GPU driver plugin
# (dev.eddy.gpu.plugin.GpuDriverFactory) as
#
#   gpu-discovery.sh <amount> [--nvidia-smi PATH]
#
# It prints the indices of the first <amount> GPUs on one line, comma-separated (e.g. "0" or "0,1"): the
# indices CUDA and TensorFlow use in this process, which the learner operator puts into its session's
# gpu_options.visible_device_list. When CUDA_VISIBLE_DEVICES is set (one TaskManager per GPU on a multi-GPU
# host, or a container runtime that sets it), CUDA renumbers the visible GPUs from 0, so this prints 0..n-1
# for them. It fails (exit 1, reason on stderr) without nvidia-smi or with fewer GPUs than <amount>.
set -euo pipefail

amount="${1:-}"
shift || true
nvidia_smi="nvidia-smi"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nvidia-smi) nvidia_smi="${2:?--nvidia-smi needs a path}"; shift 2 ;;
    *) echo "unknown argument: $1 (usage: $0 <amount> [--nvidia-smi PATH])" >&2; exit 1 ;;
  esac
done
if ! [[ "$amount" =~ ^[1-9][0-9]*$ ]]; then
  echo "the GPU amount must be a positive integer, got '$amount' (usage: $0 <amount> [--nvidia-smi PATH])" >&2
  exit 1
fi

if [[ -n "${CUDA_VISIBLE_DEVICES:-}" ]]; then
  IFS=',' read -r -a visible <<< "$CUDA_VISIBLE_DEVICES"
  indices=()
  for i in "${!visible[@]}"; do indices+=("$i"); done
else
  if ! command -v "$nvidia_smi" > /dev/null 2>&1; then
    echo "$nvidia_smi not found: is the NVIDIA driver installed and on the PATH?" >&2
    exit 1
  fi
  mapfile -t indices < <("$nvidia_smi" --query-gpu=index --format=csv,noheader | tr -d ' ' | grep -E '^[0-9]+$' || true)
fi

if [[ ${#indices[@]} -lt $amount ]]; then
  echo "found ${#indices[@]} GPU(s) but the TaskManager is configured for $amount" >&2
  exit 1
fi
(IFS=','; echo "${indices[*]:0:$amount}")
