import HL7Standard from 'hl7-standard';
import { Parser as SimpleParser } from 'simple-hl7';
import { extractAdt, parseHl7 } from '../../libs/hl7/src';
import { buildCorpus } from './corpus';
import { medplumExtract, medplumParse } from './medplum-extract';

interface Contender {
  name: string;
  peer: boolean;
  run: (raw: string) => unknown;
}

const simple = new SimpleParser();
const contenders: Contender[] = [
  { name: 'ours: parseHl7 + extractAdt (full typed)', peer: false, run: (raw) => extractAdt(parseHl7(raw)) },
  { name: 'ours: parseHl7 only (lazy)', peer: false, run: (raw) => parseHl7(raw) },
  { name: '@medplum/core Hl7Message.parse', peer: true, run: medplumParse },
  { name: '@medplum/core parse + getters (same fields)', peer: true, run: medplumExtract },
  { name: 'simple-hl7 Parser.parse', peer: true, run: (raw) => simple.parse(raw) },
  { name: 'hl7-standard transform', peer: true, run: (raw) => new HL7Standard(raw).transform() },
];

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
let sink: unknown;

// One pass over the corpus; returns messages per second.
function pass(c: Contender, corpus: string[]): number {
  const start = process.hrtime.bigint();
  for (const raw of corpus) sink = c.run(raw);
  const ns = Number(process.hrtime.bigint() - start);
  return corpus.length / (ns / 1e9);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const corpus = buildCorpus(Number(process.env.BENCH_SIZE ?? 3000));
  const bytes = corpus.reduce((n, m) => n + m.length, 0);
  console.log(
    `corpus: ${corpus.length} messages, avg ${Math.round(bytes / corpus.length)} chars; ${ROUNDS} rounds each`,
  );
  const results = contenders.map((c) => {
    for (let i = 0; i < 3; i++) pass(c, corpus); // warm-up: let the JIT settle
    const rates: number[] = [];
    for (let i = 0; i < ROUNDS; i++) rates.push(pass(c, corpus));
    return { c, rate: median(rates) };
  });
  const fastestPeer = Math.max(...results.filter((r) => r.c.peer).map((r) => r.rate));
  console.log('| parser | msgs/s (median) | vs fastest peer |');
  console.log('|---|---:|---:|');
  for (const { c, rate } of results) {
    console.log(
      `| ${c.name} | ${Math.round(rate).toLocaleString('en-US')} | ${(rate / fastestPeer).toFixed(2)}x |`,
    );
  }
  if (sink === undefined) console.log('');
}

main();
