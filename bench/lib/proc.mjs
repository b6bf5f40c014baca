/**
 * Readings of another process from /proc: a child's process.cpuUsage() is not visible from the
 * parent, so server CPU and RSS come from the kernel's accounting.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

let clockTicks = 100;
try {
  clockTicks = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
} catch {}

/** User + system CPU time of `pid` so far, in ms (resolution 1/CLK_TCK s). */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Resident set size of `pid`, in KiB. */
export function rssKiB(pid) {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : null;
}

/** Starts a CPU window on `pid`; `stop()` returns the CPU ms used and the share of one core. */
export function cpuWindow(pid) {
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  return () => {
    const cpu = cpuMs(pid) - cpu0;
    return { cpuMs: cpu, wallMs: performance.now() - t0, cores: cpu / (performance.now() - t0) };
  };
}

/** What the run ran on: printed with the table and stored in the results file. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    platform: `${os.type()} ${os.release()}`,
  };
}
