/** Small helpers to write benchmark results as Markdown. */
import { availableParallelism, loadavg } from 'node:os';
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const escape = (cell: string | number): string => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

export function snippet(text: string, length = 90): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

/** Where and when a result was measured, with the machine's load (it is shared with other work). */
export function environment(): string {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  return `Node ${process.version}, ${process.platform}/${process.arch}, run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${availableParallelism()} cores, load average ${load} (1 / 5 / 15 min) at the end of the run`;
}
