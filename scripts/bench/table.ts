// The benchmark's output: one row per figure, this site against its baseline, measured in the same run.
// The sixth cell, when there is one, is the row's target and whether this run met it.
export const rows: string[][] = [];
export const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

/** The target cell: what the issue asks, and whether this run met it. */
export const meets = (ok: boolean, target: string) => `${target}: ${ok ? 'met' : '**not met**'}`;

export const ms = (n: number) => `${n.toFixed(1)} ms`;
/** Megabytes of 10^6 bytes, as every memory and size row prints them. */
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
export const p99 = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!;
export const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

export function markdownTable(): string {
  return [
    '| measure | figure | this site | baseline | ratio | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${[...cells, ...Array(6 - cells.length).fill('')].join(' | ')} |`),
  ].join('\n');
}

/** Resident memory of a process group (the server and whatever it started). */
export function groupRss(pgid: number, fs: typeof import('node:fs')): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // the process is gone
    }
  }
  return total;
}
