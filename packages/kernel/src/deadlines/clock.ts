import { shanghaiDate } from './dates';

/**
 * Where "now" and "today" come from: the system clock in production, a fixed date in tests
 * (`createTestApp({ clock })`). A request takes `now` once (`ctx.now`), a job once per run.
 */
export interface Clock {
  /** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
  today(): string;
  /** The current instant. */
  now(): Date;
}

// The one place the platform reads the system time; everything else asks a clock.
export const systemClock: Clock = { today: () => shanghaiDate(new Date()), now: () => new Date() };

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * A clock that always answers `date`; set `date` again to move it. `now()` is that day at the system's current
 * time of day in Asia/Shanghai, so instants taken one after another still sort in the order they were taken.
 */
export const fixedClock = (date: string): Clock & { date: string } => {
  const clock = {
    date,
    today: () => clock.date,
    now: () => {
      const timeOfDay = (systemClock.now().getTime() + SHANGHAI_MS) % DAY_MS;
      return new Date(Date.parse(`${clock.date}T00:00:00+08:00`) + timeOfDay);
    },
  };
  return clock;
};
