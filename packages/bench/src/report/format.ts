// Number formatting for the markdown report; "n/a" stands for a figure that was not measured.

export const NA = 'n/a';

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? NA : Math.round(n).toLocaleString('en-US');
}

export function rate(n: number | null | undefined): string {
  return n === null || n === undefined ? NA : `${n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)}/s`;
}

export function ms(n: number | null | undefined): string {
  if (n === null || n === undefined) return NA;
  return n >= 100 ? `${Math.round(n)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`;
}

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return NA;
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** A target's verdict: met, **missed**, or n/a when the figure does not judge it. */
export function verdict(met: boolean | null): string {
  return met === null ? NA : met ? 'met' : '**missed**';
}

export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? NA : `${(ratio * 100).toFixed(1)}%`;
}
