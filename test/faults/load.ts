import { adtMessage } from '@ct/hl7/testing';
import { MllpClient } from '@ct/mllp';

/** One discharge: its own visit (so its own transition) and its own MSH-10, resent as it was. */
export interface Discharge {
  controlId: string;
  transitionId: string;
  body: string;
  /** The part being killed when it was first sent. */
  phase: string;
  ackedAt?: number;
  /** Answered AR: the sender does not send it again (the gateway took it for another message). */
  refusedForGood?: boolean;
}

/** Per phase: frames the sender got AE/AR for, could not send (refused), or got no answer to. */
export interface FrameCounts {
  aa: number;
  ae: number;
  ar: number;
  refused: number;
  unanswered: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hl7Now = () => new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14) + '+0000';

/**
 * A steady load of A03s over MLLP on a few connections, as an interface engine sends: a message
 * that got no answer, or an AE, is sent again (same MSH-10, same content) after a second until it
 * gets an AA; a connection that fails is opened again.
 */
export class DischargeLoad {
  readonly discharges: Discharge[] = [];
  readonly frames = new Map<string, FrameCounts>();
  phase = 'start';
  private readonly queue: Discharge[] = [];
  private producing = true;
  private stopped = false;
  private lanes: Promise<void>[] = [];

  constructor(
    private readonly mllpPort: number,
    private readonly facility: string,
    private readonly lanesCount = 4,
  ) {}

  start(ratePerSecond: number): void {
    this.lanes = Array.from({ length: this.lanesCount }, () => this.lane());
    void this.produce(ratePerSecond);
  }

  /** Stops making new discharges; resolves once every one has its AA, or at the deadline. */
  async finish(deadlineMs: number): Promise<void> {
    this.producing = false;
    const until = Date.now() + deadlineMs;
    const open = () => this.discharges.some((d) => !d.ackedAt && !d.refusedForGood);
    while (open() && Date.now() < until) await sleep(200);
    this.stopped = true;
    this.queue.length = 0;
    await Promise.all(this.lanes);
  }

  private async produce(ratePerSecond: number): Promise<void> {
    const started = performance.now();
    for (let i = 0; this.producing; i++) {
      const wait = started + (i * 1000) / ratePerSecond - performance.now();
      if (wait > 1) await sleep(wait);
      if (!this.producing) return;
      this.queue.push(this.discharge(i));
    }
  }

  private discharge(i: number): Discharge {
    const visit = `V${i}`;
    const controlId = `${this.facility}-${i}`;
    const body = adtMessage({
      controlId,
      sendingFacility: this.facility,
      messageTime: hl7Now(),
      patient: {
        identifiers: [{ id: `MRN${i}`, assigningAuthority: this.facility, typeCode: 'MR' }],
        name: { family: 'Testpatient', given: `Load${i}` },
      },
      visit: {
        patientClass: 'I',
        visitNumber: { id: visit },
        location: { facility: this.facility },
        dischargeDisposition: '01',
        dischargeAt: hl7Now(),
      },
    });
    const discharge = {
      controlId,
      transitionId: `transition:${this.facility}:${visit}`,
      body,
      phase: this.phase,
    };
    this.discharges.push(discharge);
    return discharge;
  }

  private count(d: Discharge, what: keyof FrameCounts): void {
    const counts = this.frames.get(d.phase) ?? { aa: 0, ae: 0, ar: 0, refused: 0, unanswered: 0 };
    counts[what] += 1;
    this.frames.set(d.phase, counts);
  }

  private resendLater(d: Discharge): void {
    setTimeout(() => this.stopped || this.queue.push(d), 1000);
  }

  private async lane(): Promise<void> {
    let line: { client: MllpClient; closed: boolean } | undefined;
    while (!this.stopped) {
      const d = this.queue.shift();
      if (!d) {
        await sleep(20);
        continue;
      }
      if (line?.closed) line = undefined; // the gateway went away while the line was idle
      if (!line) {
        const client = new MllpClient({ port: this.mllpPort, timeoutMs: 10_000 });
        if (
          !(await client.connect().then(
            () => true,
            () => false,
          ))
        ) {
          this.count(d, 'refused');
          this.resendLater(d);
          await sleep(500);
          continue;
        }
        const opened = { client, closed: false };
        void client.whenClosed().then(() => (opened.closed = true));
        line = opened;
      }
      const ack = await line.client.send(d.body).catch(() => undefined);
      const [, code, id] = /MSA\|([A-Z]{2})\|([^|\r]*)/.exec(ack ?? '') ?? [];
      if (code === 'AA' && id === d.controlId) {
        this.count(d, 'aa');
        d.ackedAt ??= Date.now();
        continue;
      }
      if (code === 'AR') {
        this.count(d, 'ar');
        d.refusedForGood = true;
        continue;
      }
      if (code === 'AE') this.count(d, 'ae');
      else {
        this.count(d, 'unanswered');
        line.client.close().catch(() => undefined);
        line = undefined;
      }
      this.resendLater(d);
    }
    await line?.client.close().catch(() => undefined);
  }
}
