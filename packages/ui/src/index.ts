export { StatusTag } from './StatusTag';
export type { StatusTagProps, StatusTone } from './StatusTag';
export { DeadlineBadge, DEADLINE_COLORS } from './DeadlineBadge';
export type { DeadlineBadgeProps, DeadlineLevel } from './DeadlineBadge';
export { lazyPage } from './web-module';
export type { MenuGroup, WebEntry, WebModule } from './web-module';
