/**
 * The console's public surface for business modules (`@sifa/web/kit`): what a module's pages may use from the
 * shell — API client, i18n, notices, session, shared components and the kernel's matter queries. Modules import
 * only this (ESLint forbids `@sifa/web/src/*` in modules/; ADR 0009), so the shell can change its internals freely.
 */
export { ApiError, apiGet, apiSend, apiUpload, downloadFile, queryString, saveBlob } from './api';
export type { QueryValue } from './api';
export { formatNumber, pick, useI18n } from './i18n';
export type { Lang } from './i18n';
export { notifyError, notifySuccess } from './notify';
export { useCan, useSessionUser } from './session';
export { ExportButton } from './components/ExportButton';
export { FormDialog } from './components/FormDialog';
export { QueryForm } from './components/QueryForm';
export { formatDate, formatDateTime, todayInShanghai } from './lib/format';
export { textRule } from './lib/form';
export { serverPagination } from './lib/table';
export { useCompact } from './lib/use-compact';
export { PageLoading } from './shell/PageLoading';
export { useUnitFilter } from './shell/UnitFilter';
export { OrgTreeSelect } from './system/components/OrgTreeSelect';
export { useOrgList } from './system/queries';
export { DeadlinesTab } from './matters/components/DeadlinesTab';
export { MatterDeadlineBadge } from './matters/components/MatterDeadlineBadge';
export { nearestDeadline } from './matters/deadline-view';
export { matterKeys, useMatter, useMatterAction, useMatterDeadlines, useMatterParties, useMatterTimeline } from './matters/queries';
export type { MatterDetail, MatterParty } from './matters/schemas';
