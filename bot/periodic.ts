// A pass that runs every few seconds in the background: a slow pass is not overtaken by the next tick,
// the timer does not keep the process alive, and stopping waits for the pass under way.

export function runPeriodically(pass: () => Promise<unknown>, intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = pass().catch(onError).finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
