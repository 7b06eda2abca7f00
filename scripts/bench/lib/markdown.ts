/** Small helpers to write benchmark results as Markdown. */
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

export function environment(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}, run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
