import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { OrgTreeSelect } from './OrgTreeSelect';
import { useOrgList } from './queries';

export interface UnitFilter {
  /** The unit the user narrowed every list to; undefined means the whole scope. */
  orgId: string | undefined;
  setOrgId: (orgId: string | undefined) => void;
}

const UnitFilterContext = createContext<UnitFilter>({ orgId: undefined, setOrgId: () => undefined });

/** The unit chosen in the top bar; list pages send it as `orgId`. */
export function useUnitFilter(): UnitFilter {
  return useContext(UnitFilterContext);
}

/** Holds the unit filter for one signed-in user (mount it keyed by the user id so a new user starts afresh). */
export function UnitFilterProvider({ children }: { children: ReactNode }) {
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const value = useMemo(() => ({ orgId, setOrgId }), [orgId]);
  return <UnitFilterContext.Provider value={value}>{children}</UnitFilterContext.Provider>;
}

/** The top bar's unit choice: a searchable tree of the user's scope; cleared means all units. */
export function UnitFilterSelect({ width }: { width: number | string }) {
  const { t } = useI18n();
  const { orgId, setOrgId } = useUnitFilter();
  const { data } = useOrgList(false);
  // a scope of one unit has nothing to narrow
  if (data && data.length <= 1) return null;
  return <OrgTreeSelect aria-label={t('unit.filter')} value={orgId} onChange={setOrgId} placeholder={t('unit.all')} allowClear style={{ width }} />;
}
