import type { FrameCounts } from './load';

export interface PartRow {
  part: string;
  /** SIGKILL until the part was ready (app) or healthy (server) again, pause included. */
  backS: number;
  /** SIGKILL until every discharge sent before it was back had its AA and first task (NaN: not within the bound). */
  caughtUpS: number;
  sent: number;
  acked: number;
  lost: number;
  doubled: number;
  frames: FrameCounts;
  /** Longest wait from a discharge's AA to its first task. */
  maxToTaskS: number;
}

const HEAD = [
  'part killed',
  'back after',
  'caught up after',
  'sent',
  'ACKed',
  'lost',
  'doubled',
  'frames AE',
  'AR',
  'refused',
  'unanswered',
  'max ACK→task',
];

/** A Markdown table, the one docs/reliability.md shows. */
export function faultTable(rows: PartRow[]): string {
  const cells = rows.map((r) => [
    r.part,
    `${r.backS.toFixed(1)} s`,
    Number.isNaN(r.caughtUpS) ? 'never' : `${r.caughtUpS.toFixed(1)} s`,
    ...[
      r.sent,
      r.acked,
      r.lost,
      r.doubled,
      r.frames.ae,
      r.frames.ar,
      r.frames.refused,
      r.frames.unanswered,
    ].map(String),
    `${r.maxToTaskS.toFixed(1)} s`,
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    `| ${c.map((v, i) => (i ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(HEAD), rule, ...cells.map(line)].join('\n');
}
