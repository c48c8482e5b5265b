/** Workflow steps that several runner features add to the training job. */

/** Puts the GPU in the job log, so a run on the wrong machine is plain to see. */
export const showGpuStep = {
  name: 'Show the GPU',
  shell: 'bash',
  run: [
    'if command -v nvidia-smi >/dev/null; then',
    '  nvidia-smi',
    'else',
    '  echo "No NVIDIA GPU on this runner: nvidia-smi is not installed."',
    'fi',
    '',
  ].join('\n'),
};
