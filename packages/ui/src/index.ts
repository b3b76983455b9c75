export { StatusTag } from './StatusTag';
export type { StatusTagProps, StatusTone } from './StatusTag';
export { DeadlineBadge, DeadlineCard, DEADLINE_COLORS, citationText } from './DeadlineBadge';
export type { DeadlineBadgeProps, DeadlineCitation, DeadlineLevel } from './DeadlineBadge';
export { MatterHeader } from './MatterHeader';
export type { HeaderParty, MatterHeaderProps } from './MatterHeader';
export { Timeline } from './Timeline';
export type { TimelineEntry, TimelineProps } from './Timeline';
export { ActionBar } from './ActionBar';
export type { ActionBarProps, ActionItem } from './ActionBar';
export { uiText } from './ui-text';
export type { UiLang, UiTextKey } from './ui-text';
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
