// The answers the console reads (see docs/ops-api.md and docs/openapi/*.json): ids and codes only.

export interface SummaryCounts {
  open: number;
  claimed: number;
  dueToday: number;
  breached: number;
  escalated: number;
}
export interface Summary {
  generatedAt: string;
  totals: SummaryCounts;
  items: (SummaryCounts & { facility: string; pathway: string; stepKey: string })[];
}

export const BUCKETS = ['breached', 'dueWithin4h', 'dueToday', 'later'] as const;
export type Bucket = (typeof BUCKETS)[number];
export interface BoardItem {
  taskId: string;
  transitionId: string;
  facility: string;
  pathway: string;
  stepKey: string;
  role: string;
  status: string;
  priority: string;
  assignee: string | null;
  dueAt: string;
  timeLeftSeconds: number;
  breachedAt: string | null;
  escalated: boolean;
}
export interface Board {
  generatedAt: string;
  buckets: Record<Bucket, { count: number; items: BoardItem[] }>;
}

export interface Daily {
  timeZone: string;
  items: { day: string; breaches: number; completions: number }[];
}

export interface FeedHealth {
  sender: string;
  lastMessageAt: string | null;
  secondsSinceLastMessage: number | null;
  messagesLastHour: number;
  refusalsLastHour: number;
  quarantined: number;
}

export interface Pipeline {
  outbox: {
    unsent: number;
    oldestUnsentAt: string | null;
    oldestUnsentAgeSeconds: number | null;
    deadLettered: number;
  };
  deadLetters: {
    stage: string;
    open: number;
    oldestOpenAgeSeconds: number | null;
    replayPending: number;
  }[];
}

export interface DeadLetter {
  id: string;
  stage: string;
  status: string;
  code: string;
  reason: string;
  topic: string;
  sourceRef: string;
  eventId: string | null;
  attempts: number;
  createdAt: string;
  ageSeconds: number;
}

export interface QuarantinedMessage {
  id: string;
  sender: string;
  controlId: string;
  transport: string;
  messageType: string | null;
  status: string;
  reason: string | null;
  receivedAt: string;
}

export interface ReplayResult {
  outcome: 'accepted' | 'duplicate' | 'rejected' | 'unavailable';
  inboundMessageId?: string;
}

export interface Transition {
  id: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  dischargedAt: string | null;
  updatedAt: string;
  tasks: {
    id: string;
    stepKey: string;
    role: string;
    status: string;
    priority: string;
    dueAt: string;
    assignee: string | null;
    outcome: string | null;
  }[];
  timeline: {
    kind: string;
    stepKey: string | null;
    occurredAt: string;
    detail: Record<string, string | number | boolean | null>;
  }[];
}

/** A task as the worklist lists it (GET /api/v1/tasks, docs/worklist.md). */
export interface WorklistTask {
  id: string;
  transitionId: string;
  stepKey: string;
  role: string;
  title: string;
  status: string;
  priority: string;
  facility: string;
  patientKey: string;
  dueAt: string;
  breached: boolean;
  assignee: string | null;
  outcome: string | null;
  createdAt: string;
}
export const WORKLIST_VIEWS = ['mine', 'pool', 'all'] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];
export interface Worklist {
  items: WorklistTask[];
  total: number;
  counts: { all: number; mine: number; pool: number; breached: number };
  nextCursor: string | null;
}

/** GET /api/v1/tasks/:id: the task with its patient and visit (PHI; every read is logged). */
export interface TaskDetail extends WorklistTask {
  attempts: number;
  doneAt: string | null;
  metBy: 'contact' | 'attempts' | null;
  revision?: number;
  patient: {
    name: { family?: string; given?: string; middle?: string } | null;
    birthDate: string | null;
    sex: string | null;
    phones: { number: string; use?: string }[];
    address: { street?: string; city?: string; state?: string; postalCode?: string } | null;
    language: { code: string; text?: string } | null;
    primaryCareProvider: { id: string; family?: string; given?: string } | null;
  } | null;
  visit: {
    visitNumber: string;
    facility: string;
    pointOfCare: string | null;
    room: string | null;
    bed: string | null;
    attending: { id: string; family?: string; given?: string } | null;
    admitAt: string | null;
    dischargeAt: string | null;
    disposition: string | null;
    diagnoses: { code: string; text?: string }[];
  } | null;
}
export interface Attempt {
  id: string;
  channel: string;
  outcome: string;
  contactedAt: string;
  note: string | null;
  recordedBy: string;
  inWindow: boolean;
}
export interface Note {
  id: string;
  text: string;
  author: string;
  createdAt: string;
  corrects: string | null;
  correctedBy: string[];
}
