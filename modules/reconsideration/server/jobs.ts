import {
  act,
  completeDeadline,
  lapsedDeadlines,
  systemAccount,
  systemClock,
  SYSTEM_ACTOR,
  type Ctx,
  type Database,
  type JobQueue,
  type ModuleDeps,
} from '@sifa/kernel';
import type { Kysely } from 'kysely';
import { CASE_WORKFLOW } from '../shared/workflow';
import { startProcedure } from './actions';
import { caseState, updateCase } from './repository';

// 行政复议法 第三十条第三款 (../shared/laws/administrative-reconsideration-law-2023.md): 审查期限届满，行政复议机关未作出不予
// 受理决定的，审查期限届满之日起视为受理. Nobody decides it: the job records it, as the system account, on the
// first run after the last day of the review period; the action log and the audit say 视为受理 with that day.

const JOB = 'reconsideration.deem-accepted';
const USERNAME = 'system-reconsideration';

/** The system account the job acts as: the whole city's scope, only the permission to record 视为受理. */
async function jobCtx(db: Kysely<Database>, now: Date): Promise<Ctx> {
  const { root, ...row } = await systemAccount(db, USERNAME, '行政复议视为受理（系统）');
  const user = {
    id: row.id,
    username: USERNAME,
    displayName: row.displayName,
    orgId: root.id,
    orgName: root.name,
    orgPath: root.path,
    roles: [],
    permissions: new Set(['reconsideration.case.deem', 'reconsideration.case.read']),
    sessionId: '',
    csrfToken: '',
  };
  return { db, user, scope: { orgId: root.id, path: root.path }, actor: { ...SYSTEM_ACTOR, id: row.id, username: USERNAME }, now };
}

/**
 * Records 视为受理 for every case whose intake review lapsed before `today` while still under review: ordinary procedure,
 * accepted on the review period's last day, the copy and decision periods from that day. Returns how many.
 */
export async function deemLapsedAccepted(db: Kysely<Database>, today: string, now: Date = new Date()): Promise<number> {
  const lapsed = await lapsedDeadlines(db, 'reconsideration.intake-review', today);
  if (!lapsed.length) return 0;
  const ctx = await jobCtx(db, now);
  let n = 0;
  for (const d of lapsed) {
    const m = await caseState(db, d.matterId);
    if (!m || m.status !== 'received') continue;
    await act(
      ctx,
      CASE_WORKFLOW,
      d.matterId,
      {
        action: 'deemAccept',
        expectedVersion: m.version,
        note: `审查期限于 ${d.dueDate} 届满，未作出不予受理决定，自该日起视为受理（行政复议法第三十条第三款）`,
      },
      {
        data: { dueDate: d.dueDate, byJob: JOB },
        apply: async (trx, _before, after) => {
          await completeDeadline(ctx, d.id, {}, trx);
          await updateCase(trx, d.matterId, { acceptedOn: d.dueDate, deemedAccepted: true, procedure: 'ordinary' });
          await startProcedure(ctx, trx, after, 'ordinary', d.dueDate);
        },
      },
    );
    n++;
  }
  return n;
}

/** The job on the shared queue: hourly, like the deadline sweep (a lapse is seen within the hour after midnight). */
export function registerCaseJobs(queue: JobQueue, deps: ModuleDeps) {
  const clock = deps.clock ?? systemClock;
  queue
    .register(JOB, async (_data, job) => {
      await deemLapsedAccepted(deps.engine.db, clock.today(), job.now);
    })
    .every(JOB, 3600);
}
