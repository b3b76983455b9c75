import { ActionBar } from '../ActionBar';
import type { ActionItem } from '../ActionBar';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { pick, useI18n } from '../i18n';
import { notifyError, notifySuccess } from '../api/notify';
import { findActionForm, useWebModules } from './modules';
import { matterKeys, useMatterAction } from './queries';
import type { MatterDetail } from './schemas';

// Actions whose names say they end or refuse something: shown in red and confirmed in red.
const DANGER = /^(decline|reject|refuse|withdraw|revoke|cancel|terminate)/i;

/**
 * The workflow's buttons for this matter: exactly the actions the server lists, each confirmed with an optional note
 * and sent with the version the user saw. A conflict (someone else changed the matter) is shown and the matter reloads.
 */
export function MatterActions({ detail, disabled }: { detail: MatterDetail; disabled?: boolean }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const modules = useWebModules();
  const { matter } = detail;
  const act = useMatterAction(matter.id);
  const [formAction, setFormAction] = useState<string | undefined>(undefined);

  const items: ActionItem[] = detail.actions.map((a) => ({
    action: a.action,
    label: pick(lang, a.labelZh, a.labelEn),
    danger: DANGER.test(a.action),
    form: findActionForm(modules, matter.module, matter.kind, a.action) !== undefined,
  }));

  const onConfirm = async (action: string, note: string | undefined) => {
    const label = items.find((i) => i.action === action)?.label ?? action;
    try {
      await act.mutateAsync({ action, expectedVersion: matter.version, ...(note ? { note } : {}) });
      notifySuccess(t('matter.action.done', { action: label }));
    } catch (error) {
      // MATTER_CONFLICT and ACTION_NEEDS_FORM carry a message the user can act on; show it as it is
      notifyError(error, t('common.loadFailed'));
      if (error instanceof ApiError && error.code === 'ACTION_NEEDS_FORM') {
        await client.invalidateQueries({ queryKey: matterKeys.detail(matter.id) });
      }
    }
  };

  const Form = formAction ? findActionForm(modules, matter.module, matter.kind, formAction) : undefined;

  return (
    <>
      <ActionBar actions={items} number={matter.number} onConfirm={onConfirm} onOpenForm={setFormAction} disabled={disabled || act.isPending} lang={lang} />
      {Form && formAction && (
        <Form
          matterId={matter.id}
          expectedVersion={matter.version}
          action={formAction}
          onClose={() => setFormAction(undefined)}
          onDone={() => {
            setFormAction(undefined);
            void client.invalidateQueries({ queryKey: matterKeys.all(matter.id) });
            void client.invalidateQueries({ queryKey: ['todos'] });
          }}
        />
      )}
    </>
  );
}
