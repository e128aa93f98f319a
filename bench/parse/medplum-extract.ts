import { Hl7Message, type Hl7Segment } from '@medplum/core';

// The same fields our extractAdt reads, through @medplum/core's getters (repetition/subcomponent 0-based).
function cx(seg: Hl7Segment, field: number, rep: number) {
  return {
    id: seg.getComponent(field, 1, undefined, rep),
    aa: seg.getComponent(field, 4, 0, rep),
    type: seg.getComponent(field, 5, undefined, rep),
  };
}

function all(seg: Hl7Segment, field: number) {
  const reps = seg.getField(field).components.length;
  const out = [];
  for (let r = 0; r < reps; r++) out.push(cx(seg, field, r));
  return out;
}

function name(seg: Hl7Segment, field: number, o = 0) {
  const g = (c: number) => seg.getComponent(field, o + c);
  return { family: seg.getComponent(field, o + 1, 0), given: g(2), middle: g(3), suffix: g(4), prefix: g(5) };
}

function coded(seg: Hl7Segment, field: number) {
  return {
    code: seg.getComponent(field, 1),
    text: seg.getComponent(field, 2),
    system: seg.getComponent(field, 3),
  };
}

export function medplumExtract(raw: string): unknown {
  const msg = Hl7Message.parse(raw);
  const msh = msg.getSegment('MSH') as Hl7Segment;
  const c = (s: Hl7Segment, f: number, n = 1) => s.getComponent(f, n);
  const header = [3, 4, 5, 6, 7].map((f) => c(msh, f));
  header.push(
    c(msh, 9, 1),
    c(msh, 9, 2),
    c(msh, 9, 3),
    c(msh, 10),
    c(msh, 11),
    c(msh, 12),
    c(msh, 15),
    c(msh, 16),
  );
  const evn = msg.getSegment('EVN');
  const pid = msg.getSegment('PID') as Hl7Segment;
  const pv1 = msg.getSegment('PV1');
  const mrg = msg.getSegment('MRG');
  const rf1 = msg.getSegment('RF1');
  return {
    header,
    event: evn && [1, 2, 3, 5, 6].map((f) => c(evn, f)),
    patient: { ids: all(pid, 3), name: name(pid, 5), birth: c(pid, 7), sex: c(pid, 8) },
    visit: pv1 && {
      cls: c(pv1, 2),
      loc: [c(pv1, 3, 1), c(pv1, 3, 2), c(pv1, 3, 3), pv1.getComponent(3, 4, 0)],
      att: [c(pv1, 7, 1), name(pv1, 7, 1)],
      rest: [10, 14, 36, 37, 44, 45].map((f) => c(pv1, f)),
      visit: cx(pv1, 19, 0),
    },
    dg1: msg.getAllSegments('DG1').map((s) => [c(s, 1), coded(s, 3), c(s, 4), c(s, 2), c(s, 6)]),
    merge: mrg && [all(mrg, 1), cx(mrg, 5, 0)],
    referral: rf1 && [
      coded(rf1, 1),
      coded(rf1, 2),
      coded(rf1, 3),
      coded(rf1, 5),
      c(rf1, 6),
      c(rf1, 7),
      c(rf1, 8),
      coded(rf1, 10),
      c(rf1, 11),
    ],
    prd: msg
      .getAllSegments('PRD')
      .map((s) => [coded(s, 1), name(s, 2), [1, 2, 3, 4, 5, 6].map((n) => c(s, 3, n)), all(s, 7)]),
  };
}

export function medplumParse(raw: string): unknown {
  return Hl7Message.parse(raw);
}
