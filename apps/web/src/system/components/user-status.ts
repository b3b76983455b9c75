import type { User } from '@sifa/kernel/shared';

export type UserStatus = 'active' | 'disabled' | 'locked';

/** Locked out after failed sign-ins, until `lockedUntil` passes. */
export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

/** What the status column shows: a disabled account reads as disabled even while also locked. */
export function userStatus(user: User, now = Date.now()): UserStatus {
  if (!user.active) return 'disabled';
  return isLocked(user, now) ? 'locked' : 'active';
}
