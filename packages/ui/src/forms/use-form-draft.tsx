import { Alert, Button, Space, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useSessionQuery } from '../api/session';
import { formatDateTime } from '../format/date';
import { useI18n } from '../i18n';

interface StoredDraft {
  savedAt: string;
  values: unknown;
}

/** One key per form and user, so two staff sharing a computer keep their drafts apart. */
export const formDraftKey = (form: string, userId: string) => `sifa.draft.${form}.${userId}`;

function read(key: string): StoredDraft | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    return typeof parsed.savedAt === 'string' && typeof parsed.values === 'object' && parsed.values !== null ? (parsed as StoredDraft) : undefined;
  } catch {
    return undefined;
  }
}

export interface FormDraft {
  /** The offer to restore a draft found on this device (恢复草稿 / 丢弃), or null. */
  notice: ReactNode;
  /** Give it to the Form's onValuesChange: what is typed is saved on this device (debounced). */
  onValuesChange: () => void;
  /** Forget the draft: call it once the form was submitted. */
  clear: () => void;
}

/**
 * A long form's local draft (issue #13 item 2): what is typed is kept on this device until the form is submitted,
 * and offered back when the form opens again — after a crash, a closed tab or a session that ran out. Values must be
 * plain data (text, numbers, lists), as the console's long forms hold.
 */
export function useFormDraft<V>(form: FormInstance<V>, name: string): FormDraft {
  const { t } = useI18n();
  const userId = useSessionQuery().data?.user.id;
  const key = userId ? formDraftKey(name, userId) : undefined;
  const [found, setFound] = useState<StoredDraft | undefined>(() => (key ? read(key) : undefined));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // nothing is saved over a found draft until the person chose to restore or discard it
  const holding = useRef(found !== undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onValuesChange = useCallback(() => {
    if (!key || holding.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      try {
        const values: unknown = form.getFieldsValue(true);
        localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
      } catch {
        // private mode or storage full: the draft lasts as long as the page
      }
    }, 400);
  }, [form, key]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    holding.current = true; // the submitted values are not saved again on the way out
    if (key) localStorage.removeItem(key);
    setFound(undefined);
  }, [key]);

  const restore = () => {
    if (!found) return;
    form.setFieldsValue(found.values as Parameters<typeof form.setFieldsValue>[0]);
    holding.current = false;
    setFound(undefined);
  };
  const discard = () => {
    if (key) localStorage.removeItem(key);
    holding.current = false;
    setFound(undefined);
  };

  const notice = found ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-found"
      title={t('draft.found', { time: formatDateTime(found.savedAt) })}
      action={
        <Space>
          <Button size="small" type="primary" onClick={restore} data-testid="draft-restore">
            {t('draft.restore')}
          </Button>
          <Button size="small" onClick={discard} data-testid="draft-discard">
            {t('draft.discard')}
          </Button>
        </Space>
      }
    />
  ) : null;
  return { notice, onValuesChange, clear };
}
