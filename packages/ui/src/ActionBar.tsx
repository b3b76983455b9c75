import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { uiText } from './ui-text';
import type { UiLang } from './ui-text';

/** One workflow action the server allows the user now. */
export interface ActionItem {
  action: string;
  label: string;
  /** Shown in red with a red confirmation (refusals, withdrawals). */
  danger?: boolean;
  /** The action needs module data: clicking calls onOpenForm instead of asking for confirmation. */
  form?: boolean;
}

export interface ActionBarProps {
  /** Exactly the actions from the API, in its order. */
  actions: readonly ActionItem[];
  /** The matter number, named in the confirmation. */
  number: string;
  /** Sends the action; resolves or rejects when done (either way the dialog closes — the caller reports). */
  onConfirm: (action: string, note: string | undefined) => Promise<unknown>;
  onOpenForm?: (action: string) => void;
  /** Disable all buttons (e.g. while the matter reloads). */
  disabled?: boolean;
  lang?: UiLang;
  /** Longest note the server takes. */
  noteMaxLength?: number;
}

/**
 * The workflow's buttons. Each asks first in a dialog with an optional note (说明), then calls `onConfirm`; the note
 * and the version the user saw travel with the request (the caller adds the version).
 */
export function ActionBar({ actions, number, onConfirm, onOpenForm, disabled, lang, noteMaxLength = 2000 }: ActionBarProps) {
  const [open, setOpen] = useState<ActionItem | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  if (actions.length === 0) {
    return <Typography.Text type="secondary">{uiText(lang, 'action.none')}</Typography.Text>;
  }

  const start = (item: ActionItem) => {
    if (item.form && onOpenForm) {
      onOpenForm(item.action);
      return;
    }
    setNote('');
    setOpen(item);
  };

  const confirm = () => {
    if (!open) return;
    setBusy(true);
    const trimmed = note.trim();
    onConfirm(open.action, trimmed ? trimmed : undefined)
      .catch(() => undefined)
      .finally(() => {
        setBusy(false);
        setOpen(undefined);
      });
  };

  return (
    <>
      <Space wrap data-testid="action-bar">
        {actions.map((item, i) => (
          <Button
            key={item.action}
            type={i === 0 && !item.danger ? 'primary' : 'default'}
            danger={item.danger}
            disabled={disabled}
            onClick={() => start(item)}
            data-action={item.action}
          >
            {item.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== undefined}
        title={open ? uiText(lang, 'action.confirmTitle', { action: open.label }) : undefined}
        okText={uiText(lang, 'action.ok')}
        cancelText={uiText(lang, 'action.cancel')}
        okButtonProps={{ danger: open?.danger }}
        confirmLoading={busy}
        onOk={confirm}
        onCancel={() => !busy && setOpen(undefined)}
        destroyOnHidden
      >
        {open && (
          <>
            <Typography.Paragraph>{uiText(lang, 'action.confirmText', { action: open.label, number })}</Typography.Paragraph>
            <label htmlFor="action-note">
              <Typography.Text type="secondary">{uiText(lang, 'action.note')}</Typography.Text>
            </label>
            <Input.TextArea
              id="action-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={noteMaxLength}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={uiText(lang, 'action.notePlaceholder')}
              style={{ marginTop: 4 }}
            />
          </>
        )}
      </Modal>
    </>
  );
}
