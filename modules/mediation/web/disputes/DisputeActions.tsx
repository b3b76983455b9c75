import { ActionBar, notifyError, notifySuccess, pick, useMatterAction } from '@sifa/ui';
import type { ActionItem, MatterDetail } from '@sifa/ui';
import { useState } from 'react';
import { DANGER_ACTIONS, isDisputeAction } from '../common/labels';
import { useMediationText } from '../common/messages';
import { DisputeActionModal } from './DisputeActionModal';

/**
 * The buttons are exactly the actions `GET /api/matters/:id` allows this user now; each dispute action opens its form.
 * An action the module has no form for (none today) goes to the kernel's plain action route with a confirmation.
 */
export function DisputeActions({ detail, disabled }: { detail: MatterDetail; disabled?: boolean }) {
  const { t, mt, lang } = useMediationText();
  const { matter } = detail;
  const plain = useMatterAction(matter.id);
  const [open, setOpen] = useState<string | undefined>(undefined);

  const items: ActionItem[] = detail.actions.map((a) => ({
    action: a.action,
    label: pick(lang, a.labelZh, a.labelEn),
    danger: DANGER_ACTIONS.has(a.action),
    form: isDisputeAction(a.action),
  }));

  const onConfirm = async (action: string, note: string | undefined) => {
    const label = items.find((i) => i.action === action)?.label ?? action;
    try {
      await plain.mutateAsync({ action, expectedVersion: matter.version, ...(note ? { note } : {}) });
      notifySuccess(mt('action.done', { action: label }));
    } catch (error) {
      notifyError(error, t('common.loadFailed'));
    }
  };

  return (
    <>
      <ActionBar actions={items} number={matter.number} onConfirm={onConfirm} onOpenForm={setOpen} disabled={disabled || plain.isPending} lang={lang} />
      {open && (
        <DisputeActionModal
          matterId={matter.id}
          expectedVersion={matter.version}
          action={open}
          onClose={() => setOpen(undefined)}
          onDone={() => setOpen(undefined)}
        />
      )}
    </>
  );
}
