import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { MachineInfo } from './results.js';

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemBytes: totalmem(),
    platform: platform(),
    osRelease: release(),
    arch: arch(),
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
