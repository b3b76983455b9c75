import { Input, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useEffect, useState, type CSSProperties } from 'react';
import { amountInCapitals, formatNumberText, parseNumberText, type NumberKind } from '@sifa/kernel/shared';
import { useI18n } from '../i18n';

export interface NumberInputProps {
  /** `amount`: yuan, two decimals, shown in capitals (大写); `count`: a whole number. */
  kind: NumberKind;
  /** The form's value: the number read, the raw text while it cannot be read (the rule refuses it), or undefined. */
  value?: number | string | null;
  onChange?: (value: number | string | undefined) => void;
  id?: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

const textOf = (value: number | string | null | undefined, kind: NumberKind) =>
  typeof value === 'number' ? formatNumberText(value, kind).replace(/\.00$/, '') : (value ?? '');

/**
 * The one input for every amount and count (issue #13 item 3): it reads full-width digits, separators and 万/亿 with
 * the kernel's parser, and shows what it read — the amount in capitals (壹万贰仟元整) — under the field before saving.
 * Use it inside a Form.Item with {@link numberRule}, which refuses a text the parser cannot read and says why.
 */
export function NumberInput({ kind, value, onChange, id, min, max, disabled, placeholder, style, ...rest }: NumberInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState(() => textOf(value, kind));
  // a value set from outside (a reset, a restored draft) replaces the text unless the text already reads as it;
  // only an outside change of the value re-writes the text, not each keystroke
  useEffect(() => {
    if (typeof value === 'string') return;
    const read = text.trim() === '' ? undefined : parseNumberText(text, { kind, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
    const same = value === undefined || value === null ? text.trim() === '' : read?.ok === true && read.value === value;
    if (!same) setText(textOf(value, kind));
  }, [value]);

  const parsed = text.trim() === '' ? undefined : parseNumberText(text, { kind, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  const change = (next: string) => {
    setText(next);
    if (next.trim() === '') return onChange?.(undefined);
    const read = parseNumberText(next, { kind, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
    onChange?.(read.ok ? read.value : next);
  };
  const echo =
    parsed?.ok === true
      ? kind === 'amount'
        ? t('number.capitals', { words: amountInCapitals(parsed.value) })
        : t('number.reads', { value: formatNumberText(parsed.value, kind) })
      : undefined;
  return (
    <>
      <Input
        id={id}
        value={text}
        disabled={disabled}
        inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
        placeholder={placeholder ?? t(kind === 'amount' ? 'number.placeholderAmount' : 'number.placeholderCount')}
        suffix={kind === 'amount' ? '元' : undefined}
        onChange={(e) => change(e.target.value)}
        // a number read is written back in the console's format (12,000.50) once the person leaves the field
        onBlur={() => parsed?.ok && setText(textOf(parsed.value, kind))}
        style={style}
        data-testid={rest['data-testid']}
        aria-label={rest['aria-label']}
      />
      {echo && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12, marginTop: 2 }}
          data-testid={rest['data-testid'] ? `${rest['data-testid']}-echo` : undefined}
        >
          {echo}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * The form rule of a {@link NumberInput}: a text the parser could not read is refused with its reason
 * (`千位分隔符位置不对…`); `required` refuses an empty field.
 */
export function numberRule(kind: NumberKind, opts: { label: string; required?: boolean; min?: number; max?: number }): RuleObject {
  return {
    validator: (_rule, value: number | string | null | undefined) => {
      if (value === undefined || value === null || value === '') {
        return opts.required ? Promise.reject(new Error(`请填写${opts.label}`)) : Promise.resolve();
      }
      const read = parseNumberText(String(value), {
        kind,
        ...(opts.min !== undefined ? { min: opts.min } : {}),
        ...(opts.max !== undefined ? { max: opts.max } : {}),
      });
      return read.ok ? Promise.resolve() : Promise.reject(new Error(`${opts.label}：${read.reason}`));
    },
  };
}
