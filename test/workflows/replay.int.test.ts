import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { recordHistories } from './record-histories';
import { workflowBundle } from '../support/workflow-env';

const dir = path.join(__dirname, 'histories');

/**
 * Replays histories recorded from earlier workflow versions against today's code: a change that
 * is not deterministic (a new command without patched()) fails here, before it reaches workers.
 * RECORD_HISTORIES=<patch id> records today's histories next to the old ones (after a patched change);
 * RECORD_HISTORIES=1 overwrites the unlabelled ones; RECORD_SCENARIOS=a,b records only those.
 */
describe('workflow determinism over recorded histories', () => {
  if (process.env.RECORD_HISTORIES) {
    it('records histories', async () => {
      const label = process.env.RECORD_HISTORIES;
      const only = process.env.RECORD_SCENARIOS?.split(',');
      await recordHistories(dir, label === '1' ? undefined : label, only);
    });
    return;
  }

  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it('replays every recorded history without nondeterminism', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
      ),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
