// The peer libraries ship no types; the benchmark uses only these members.
declare module 'simple-hl7' {
  export class Parser {
    constructor(options?: { segmentSeperator?: string });
    parse(text: string): unknown;
  }
}

declare module 'hl7-standard' {
  class HL7 {
    constructor(text: string, options?: { lineEndings?: string });
    transform(callback?: (err?: Error) => void): void;
    get(path: string, index?: number, sectionIndex?: number): unknown;
    getSegments(name?: string): unknown[];
  }
  export = HL7;
}
