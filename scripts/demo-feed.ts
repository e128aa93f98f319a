// Plays a small ADT feed into the running gateway, so a newcomer sees transitions and tasks appear.
import { adtMessage } from '@ct/hl7/testing';
import { feedToken, personaToken } from './dev-oidc/sign-in';
import { readInfo } from './dev-oidc/state';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const stamp = Date.now().toString(36).toUpperCase();

function hl7Time(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const now = new Date();
const admittedAt = new Date(now.getTime() - 3 * 86_400_000);
const messages = [1, 2, 3].flatMap((n) => {
  const visit = { visitNumber: { id: `DEMO-${stamp}-${n}` }, admitAt: hl7Time(admittedAt) };
  const patient = {
    identifiers: [{ id: `DEMO${stamp}${n}`, assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }],
  };
  return [
    adtMessage({
      trigger: 'A01',
      controlId: `DEMO-${stamp}-${n}-A01`,
      patient,
      visit,
      messageTime: hl7Time(admittedAt),
    }),
    adtMessage({
      trigger: 'A03',
      controlId: `DEMO-${stamp}-${n}-A03`,
      patient,
      visit: { ...visit, dischargeAt: hl7Time(now), dischargeDisposition: '01' },
      messageTime: hl7Time(now),
    }),
  ];
});

async function main(): Promise<void> {
  // the dev OpenID Connect provider of `npm start`: the feed's token (client credentials) and a
  // coordinator's (nurse-1 signs in through the persona page, with PKCE)
  const dir = process.env.DEV_OIDC_DIR;
  if (!dir) throw new Error('DEV_OIDC_DIR is not set (npm start sets it under the infra state dir)');
  const info = await readInfo(dir);
  const asFeed = { authorization: `Bearer ${await feedToken(info)}` };
  const asCoordinator = { authorization: `Bearer ${await personaToken(info, 'nurse-1')}` };
  for (const message of messages) {
    const response = await fetch(`${gateway}/api/v1/adt/hl7`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...asFeed },
      body: message,
    });
    const ack = (await response.text()).split('\r').find((line) => line.startsWith('MSA')) ?? '';
    console.log(`sent ${message.split('|')[8]} ${message.split('|')[9]} -> HTTP ${response.status} ${ack}`);
  }
  // a consumer with a backlog (say, after a benchmark) can take a while to reach the demo's events
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (attempt > 0 && attempt % 20 === 0) console.log(`waiting for the demo tasks (${attempt / 2} s) ...`);
    const ours = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const id = encodeURIComponent(`transition:RIVERSIDE:DEMO-${stamp}-${n}`);
        const response = await fetch(`${api}/api/v1/tasks?transitionId=${id}`, { headers: asCoordinator });
        return ((await response.json()) as { items: { stepKey: string; role: string }[] }).items;
      }),
    );
    if (ours.every((tasks) => tasks.length > 0)) {
      for (const [n, tasks] of ours.entries()) {
        console.log(
          `transition DEMO-${stamp}-${n + 1}: ${tasks.map((t) => `${t.stepKey} (${t.role})`).join(', ')}`,
        );
      }
      console.log(`worklist: ${api}/api/v1/tasks?status=open`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    'the demo tasks did not appear within 120 s; see the app logs (is the orchestrator behind?)',
  );
}

main().catch((error: unknown) => {
  console.error('demo feed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
