import { cpus, platform, release, totalmem } from 'node:os';

/** What the results were measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memoryGiB: number;
  date: string;
}

/** Describes this machine, for the results and the README. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}

/** One line naming the machine. */
export const machineLine = (machine: Machine): string =>
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}, ${machine.date}`;
