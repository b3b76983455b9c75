import { shanghaiDate } from './dates';

/** Where "today" comes from: the system clock in production, a fixed date in tests (`createTestApp({ clock })`). */
export interface Clock {
  /** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
  today(): string;
}

export const systemClock: Clock = { today: () => shanghaiDate() };

/** A clock that always answers `date`; set `date` again to move it. */
export const fixedClock = (date: string): Clock & { date: string } => {
  const clock = { date, today: () => clock.date };
  return clock;
};
