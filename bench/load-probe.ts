/**
 * Loaded into the platform the load bench starts (`node --import ./bench/load-probe.ts`): how long the server's
 * event loop was held (monitorEventLoopDelay), the CPU time it spent and its peak memory, asked for over the IPC channel. A request waits
 * at least as long as the loop is held by another's work, so the loop's delay is what "no request waits on another's
 * CPU work" is checked against.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
let cpu = process.cpuUsage();
const msOf = (ns: number) => Math.round(ns / 1e4) / 100;
process.on('message', (m: unknown) => {
  if (m === 'reset') {
    h.reset();
    cpu = process.cpuUsage();
    process.send?.({ reset: true });
  } else if (m === 'report') {
    process.send?.({
      loopDelay: { p50: msOf(h.percentile(50)), p99: msOf(h.percentile(99)), max: msOf(h.max) },
      cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu)),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  }
});
// the IPC channel must not keep the server up once it is told to stop
process.channel?.unref();
