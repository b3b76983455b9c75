// The one home of the shared web building blocks (ADR 0013). Export lists are grouped by area, one block per folder,
// each sorted, so that parallel additions merge line by line.

// api: the staff API client, notices, the query client, the session
export {
  ApiError,
  apiCall,
  apiGet,
  apiSend,
  apiUpload,
  createApiClient,
  downloadFile,
  printPdf,
  queryString,
  saveBlob,
  setApiLanguage,
  setCsrfToken,
  setReauthenticateHandler,
  setSessionExpiryListener,
  setUnauthenticatedHandler,
  staffApi,
} from './api/client';
export type { ApiClient, ApiLanguage, ClientOptions, FetchedFile, Method, QueryValue, WriteMethod } from './api/client';
export { notifyError, notifySuccess, setMessageApi } from './api/notify';
export { createQueryClient } from './api/query-client';
export { SESSION_KEY, switchSession, useCan, useSessionQuery, useSessionUser } from './api/session';
export { SESSION_WARN_MS, SessionGuard } from './session/SessionGuard';

// i18n: the language the app holds, the shared words, formatting of counts
export {
  COMMON_MESSAGES,
  DEADLINE_MESSAGES,
  fillText,
  FORM_MESSAGES,
  formatNumber,
  LangProvider,
  MATTER_MESSAGES,
  pick,
  translateUi,
  translator,
  UI_MESSAGES,
  useI18n,
  useLang,
} from './i18n';
export type { Lang, LangState, Messages, MessageVars, UiI18n, UiMessageKey, UiTranslate } from './i18n';
export { uiText } from './ui-text';
export type { UiLang, UiTextKey } from './ui-text';

// codes: code lists kept as data (categories …), cached for every form, filter and label
export { codeLabel, codeOptions, useCodeList } from './codes/use-code-list';
export type { CodeItem, CodeNames } from './codes/use-code-list';

// format: dates in Asia/Shanghai, sizes, JSON summaries
export { compactJson, formatBytes, formatDate, formatDateTime, todayInShanghai, weekdayOf } from './format/date';

// layout: phone breakpoint, page spinner
export { PageLoading } from './layout/PageLoading';
export { useCompact } from './layout/use-compact';

// org: the unit tree, its picker and the top bar's unit filter
export { OrgTreeSelect } from './org/OrgTreeSelect';
export type { OrgTreeSelectProps } from './org/OrgTreeSelect';
export { buildOrgTree, filterOrgTree, topLevelIds } from './org/org-tree';
export type { OrgNode } from './org/org-tree';
export { orgKeys, useOrgList } from './org/queries';
export { UnitFilterProvider, UnitFilterSelect, useUnitFilter } from './org/UnitFilter';
export type { UnitFilter } from './org/UnitFilter';

// import: the Excel import dialog with its row-by-row report
export { ImportDialog, problemsCsv } from './import/ImportDialog';
export type { ImportColumn, ImportDialogProps, ImportReport, ImportRow, ImportUpload } from './import/ImportDialog';

// list: query form, pagination, export, status tags, deadline badges
export { DeadlineBadge, DeadlineCard, DEADLINE_COLORS, citationText } from './DeadlineBadge';
export type { DeadlineBadgeProps, DeadlineCitation, DeadlineLevel } from './DeadlineBadge';
export { ExportButton } from './list/ExportButton';
export { ListPage } from './list/ListPage';
export type { ListPageProps, ListQueryState } from './list/ListPage';
export { dateRangeFilters, dateRangeValue } from './list/date-range';
export type { DateRangeValue } from './list/date-range';
export type { ExportButtonProps } from './list/ExportButton';
export { serverPagination } from './list/pagination';
export { QueryForm } from './list/QueryForm';
export type { QueryFormProps } from './list/QueryForm';
export { useListState } from './list/use-list-state';
export type { ListFilters, ListSort, ListState } from './list/use-list-state';
export { StatusTag } from './StatusTag';
export type { StatusTagProps, StatusTone } from './StatusTag';

// figures: indicator cards, figure tables, the records behind a figure (charts: `@sifa/ui/charts`)
export { DrillDownDrawer } from './figures/DrillDownDrawer';
export type { DrillDownDrawerProps, DrillPart, DrillRecordsState, DrillRow } from './figures/DrillDownDrawer';
export { FigureTable } from './figures/FigureTable';
export type { FigureColumn, FigureRow, FigureTableProps } from './figures/FigureTable';
export { formatFigure, formatYuan, IndicatorCard } from './figures/IndicatorCard';
export type { IndicatorCardProps, IndicatorQueryState } from './figures/IndicatorCard';

// forms: dialogs, rules, server errors placed on fields
export { knownFields, placeServerErrors, serverFieldErrors, showFieldErrors, zodFieldErrors } from './forms/field-errors';
export type { FieldError } from './forms/field-errors';
export { FormDialog } from './forms/FormDialog';
export { NumberInput, numberRule } from './forms/NumberInput';
export type { NumberInputProps } from './forms/NumberInput';
export type { FormDialogProps } from './forms/FormDialog';
export { PartyEntry } from './forms/PartyEntry';
export type { PartyEntryProps, PartyValues } from './forms/PartyEntry';
export { textRule } from './forms/text-rule';
export { useEventDateRule, useMatterEventDates } from './forms/event-date-rule';
export { formDraftKey, useFormDraft } from './forms/use-form-draft';
export type { FormDraft } from './forms/use-form-draft';
export { acceptOf, attachmentRule, uploadHint, uploadProblem, useUploadLimits } from './forms/upload-check';
export type { UploadRule } from './forms/upload-check';

// matter: the matter page, its header, tabs, actions and queries
export { ActionBar } from './ActionBar';
export type { ActionBarProps, ActionItem } from './ActionBar';
export { AttachmentsTab } from './matter/AttachmentsTab';
export { DeadlinesTab } from './matter/DeadlinesTab';
export { DEADLINE_STATUS, deadlineLevel, isCalendarWarning, isRunning, nearestDeadline } from './matter/deadline-view';
export { DetailsTab } from './matter/DetailsTab';
export { DocumentsTab } from './matter/DocumentsTab';
export { IssueNoticeModal, paragraphsOf, RevokeDocumentModal } from './matter/IssueNoticeModal';
export { assignmentRoleLabel, matterLabels, partyRoleLabel } from './matter/labels';
export type { MatterLabels } from './matter/labels';
export { MatterActions } from './matter/MatterActions';
export { PartyPhone } from './matter/PartyPhone';
export { MatterDeadlineBadge } from './matter/MatterDeadlineBadge';
export { MatterHeader } from './MatterHeader';
export type { HeaderParty, MatterHeaderProps } from './MatterHeader';
export { kernelTabs } from './matter/kernel-tabs';
export type { KernelTabs, MatterTab } from './matter/kernel-tabs';
export { MatterPage } from './matter/MatterPage';
export type { MatterHeaderFields, MatterPageProps, MatterRecordState } from './matter/MatterPage';
export { findActionForm, findWebModule, useWebModules, WebModulesProvider } from './matter/modules';
export { PartiesTab } from './matter/PartiesTab';
export {
  matterKeys,
  useDeadlineExplanation,
  useDeleteAttachment,
  useIssueDocument,
  useMatter,
  useMatterAction,
  useMatterAttachments,
  useMatterDeadlines,
  useMatterDocuments,
  useMatterParties,
  useMatterTimeline,
  useRevokeDocument,
  useUploadAttachment,
} from './matter/queries';
export type { IssueNoticeInput } from './matter/queries';
export { MatterDeadline, MatterDetail, MatterParty } from './matter/schemas';
export { Timeline } from './Timeline';
export type { TimelineEntry, TimelineProps } from './Timeline';
export { TimelineTab } from './matter/TimelineTab';

// modules: what a module's web face declares
export { lazyPage } from './web-module';
export type { MatterActionFormProps, MenuGroup, WebEntry, WebModule } from './web-module';
// the public portal: shell, citizen sign-in, step wizard (packages/ui/src/portal)
export type { PortalPage, PortalService, PortalTrackPanelProps } from './web-module';
export { PortalShell } from './portal/PortalShell';
export type { PortalShellProps } from './portal/PortalShell';
export { PortalEntryCard } from './portal/PortalEntryCard';
export { PortalProvider, usePortal, usePortalApi } from './portal/PortalProvider';
export type { PortalContextValue } from './portal/PortalProvider';
export {
  PUBLIC_SESSION_KEY,
  PublicSessionInfo,
  TrackResult,
  errorStatus,
  isMobile,
  maskPhone,
  normalisePhone,
  publicCsrfToken,
  publicUnauthenticated,
  setPublicCsrfToken,
  setPublicUnauthenticatedHandler,
} from './portal/portal-api';
export type { PortalApiClient, PortalWriteMethod } from './portal/portal-api';
export { usePublicLogin, usePublicLogout, usePublicSession, useRequestCode } from './portal/citizen-session';
export { RequireCitizen, useCitizen } from './portal/RequireCitizen';
export type { RequireCitizenProps } from './portal/RequireCitizen';
export { useCountdown } from './portal/use-countdown';
export { StepWizard } from './portal/StepWizard';
export type { StepWizardProps, WizardFieldName, WizardReview, WizardStep, WizardStepContext } from './portal/StepWizard';
export { draftStorageKey, loadWizardDraft, removeWizardDraft, saveWizardDraft } from './portal/wizard-draft';
export type { WizardDraft } from './portal/wizard-draft';
