import type { Hl7Delimiters } from './delimiters';
import { unescapeHl7 } from './escape';

/** One segment; fields are split on first access and values decoded only when asked for. */
export interface Hl7Segment {
  readonly name: string;
  /** 1-based occurrence among segments with the same name. */
  readonly sequence: number;
  readonly raw: string;
  /** Highest field number present, trailing empty fields included. */
  readonly fieldCount: number;
  /** Raw (still escaped) text of field n; '' when absent. MSH-1 is the field separator. */
  field(n: number): string;
  repetitionCount(field: number): number;
  /**
   * Decoded value, or undefined when empty or absent. component/subcomponent 0 means "whole";
   * repetition is 1-based.
   */
  get(field: number, component?: number, subcomponent?: number, repetition?: number): string | undefined;
}

/** Text of the n-th (1-based) piece of `text` split by `sep`, without splitting the rest. */
export function piece(text: string, sep: string, n: number): string {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const at = text.indexOf(sep, start);
    if (at === -1) return '';
    start = at + 1;
  }
  const end = text.indexOf(sep, start);
  if (end === -1) return start === 0 ? text : text.slice(start);
  return text.slice(start, end);
}

export class ParsedSegment implements Hl7Segment {
  private fields?: string[];

  constructor(
    readonly raw: string,
    readonly name: string,
    private readonly delimiters: Hl7Delimiters,
    private readonly siblings: readonly ParsedSegment[],
  ) {}

  get sequence(): number {
    let n = 0;
    for (const s of this.siblings) {
      if (s.name === this.name) n++;
      if (s === this) return n;
    }
    return n;
  }

  get fieldCount(): number {
    const count = this.split().length - 1;
    return this.name === 'MSH' ? count + 1 : count;
  }

  field(n: number): string {
    const fields = this.split();
    if (this.name === 'MSH') {
      if (n === 1) return this.delimiters.field;
      return fields[n - 1] ?? '';
    }
    return fields[n] ?? '';
  }

  repetitionCount(field: number): number {
    const text = this.field(field);
    if (text === '') return 0;
    if (this.name === 'MSH' && field <= 2) return 1;
    return text.split(this.delimiters.repetition).length;
  }

  get(field: number, component = 0, subcomponent = 0, repetition = 1): string | undefined {
    let text = this.field(field);
    if (text === '') return undefined;
    if (this.name === 'MSH' && field <= 2) return text;
    const d = this.delimiters;
    text = piece(text, d.repetition, repetition);
    if (component > 0) {
      text = piece(text, d.component, component);
      if (subcomponent > 0) text = piece(text, d.subcomponent, subcomponent);
    }
    if (text === '') return undefined;
    return text.indexOf(d.escape) === -1 ? text : unescapeHl7(text, d);
  }

  private split(): string[] {
    return (this.fields ??= this.raw.split(this.delimiters.field));
  }
}
