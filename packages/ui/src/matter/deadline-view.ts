import { levelOf } from '@sifa/kernel/shared';
import type { DeadlineLevel, DeadlineStatus } from '@sifa/kernel/shared';
import type { StatusTone } from '../StatusTag';
import type { UiMessageKey } from '../i18n';
import type { MatterDeadline } from './schemas';

/** The level the server sent, else reckoned from the warning and due dates against `today` (Asia/Shanghai). */
export function deadlineLevel(d: MatterDeadline, today: string): DeadlineLevel {
  return d.level ?? levelOf(d.dueDate, d.warnDate, today);
}

/** Deadlines still running (or suspended) — the ones that can still fall due. */
export function isRunning(d: MatterDeadline): boolean {
  return d.status === 'open' || d.status === 'paused';
}

/** The running deadline that falls due first; undefined when none runs. */
export function nearestDeadline(list: readonly MatterDeadline[]): MatterDeadline | undefined {
  let best: MatterDeadline | undefined;
  for (const d of list) {
    if (!isRunning(d)) continue;
    if (!best || d.dueDate < best.dueDate) best = d;
  }
  return best;
}

export const DEADLINE_STATUS: Record<DeadlineStatus, { key: UiMessageKey; tone: StatusTone }> = {
  open: { key: 'deadline.status.open', tone: 'processing' },
  paused: { key: 'deadline.status.paused', tone: 'warning' },
  met: { key: 'deadline.status.met', tone: 'success' },
  cancelled: { key: 'deadline.status.cancelled', tone: 'default' },
};

/** Explanation lines that warn about a year without a loaded holiday schedule (the server starts them with 注意). */
export function isCalendarWarning(line: string): boolean {
  return line.startsWith('注意');
}
