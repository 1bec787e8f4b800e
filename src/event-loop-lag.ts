/**
 * How often the event loop's lag is sampled: a timer is due every this many
 * ms, and each sample is how late it ran. A stall at least this long is
 * always sampled; a shorter one is when a timer falls due inside it.
 */
export const LAG_SAMPLE_EVERY_MS = 100;

type LagObserver = (seconds: number) => void;

/** One timer per process, whatever the number of servers (tests run several). */
const observers = new Set<LagObserver>();
let timer: ReturnType<typeof setTimeout> | null = null;
let dueAt = 0;

function schedule() {
  dueAt = performance.now() + LAG_SAMPLE_EVERY_MS;
  timer = setTimeout(sample, LAG_SAMPLE_EVERY_MS);
  // The sampler never keeps a process alive.
  timer.unref();
}

function sample() {
  const seconds = Math.max(0, performance.now() - dueAt) / 1000;
  for (const observe of observers) observe(seconds);
  schedule();
}

/**
 * Tells `observe` how late each sampling timer ran, in seconds, until the
 * returned function is called.
 */
export function sampleEventLoopLag(observe: LagObserver): () => void {
  observers.add(observe);
  if (!timer) schedule();
  return () => {
    observers.delete(observe);
    if (observers.size === 0 && timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
}
