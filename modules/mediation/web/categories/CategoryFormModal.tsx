import { Form, Input, InputNumber, Select } from 'antd';
import { CreateCategoryInput, UpdateCategoryInput } from '@sifa/mediation/shared';
import type { Category } from '@sifa/mediation/shared';
import { useState } from 'react';
import { FormDialog, knownFields, notifySuccess, placeServerErrors, showFieldErrors, zodFieldErrors } from '@sifa/ui';
import { standardOptions, useCategoryText } from './category-messages';
import { useCreateCategory, useUpdateCategory } from './category-queries';

interface Values {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  reportAs?: string;
  sortOrder?: number | null;
}

const known = knownFields(['code', 'nameZh', 'nameEn', 'reportAs', 'sortOrder']);

export interface CategoryFormModalProps {
  /** The category to edit; without one the modal adds a new category. */
  category?: Category;
  onClose: () => void;
}

/**
 * 新增 / 编辑纠纷类型: code (new only: it never changes), names, the standard category it is counted under (fixed
 * for a built-in one) and the order. The shared schema checks first; the server's problems (a code or name already
 * used …) stand beside their fields.
 */
export function CategoryFormModal({ category, onClose }: CategoryFormModalProps) {
  const { t, ct, lang } = useCategoryText();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const create = useCreateCategory();
  const update = useUpdateCategory();

  const finish = (v: Values) => {
    setProblem(undefined);
    const common = {
      nameZh: v.nameZh?.trim() ?? '',
      nameEn: v.nameEn?.trim() ?? '',
      ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
    };
    const failed = (error: unknown) => setProblem(placeServerErrors(form, error, known, t('common.loadFailed')));
    if (category) {
      const parsed = UpdateCategoryInput.safeParse({ ...common, ...(category.builtin ? {} : { reportAs: v.reportAs }) });
      if (!parsed.success) {
        showFieldErrors(form, zodFieldErrors(parsed.error, 'nameZh'), known);
        return;
      }
      update.mutate(
        { code: category.code, input: parsed.data },
        {
          onSuccess: () => {
            notifySuccess(ct('category.saved'));
            onClose();
          },
          onError: failed,
        },
      );
    } else {
      const parsed = CreateCategoryInput.safeParse({ code: v.code?.trim() ?? '', reportAs: v.reportAs, ...common, nameEn: common.nameEn || undefined });
      if (!parsed.success) {
        showFieldErrors(form, zodFieldErrors(parsed.error, 'code'), known);
        return;
      }
      create.mutate(parsed.data, {
        onSuccess: (c) => {
          notifySuccess(ct('category.created', { name: c.nameZh }));
          onClose();
        },
        onError: failed,
      });
    }
  };

  const initial: Values = category
    ? { code: category.code, nameZh: category.nameZh, nameEn: category.nameEn ?? undefined, reportAs: category.reportAs, sortOrder: category.sortOrder }
    : { reportAs: 'other' };
  const select = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <FormDialog
      title={category ? ct('category.editTitle', { name: category.nameZh }) : ct('category.addTitle')}
      form={form}
      busy={create.isPending || update.isPending}
      problem={problem}
      problemTestId="category-problem"
      width={560}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={initial}>
        <Form.Item
          name="code"
          label={ct('field.code')}
          extra={category ? undefined : ct('field.codeHint')}
          rules={category ? [] : [required(ct('field.code'))]}
        >
          <Input maxLength={40} disabled={!!category} placeholder="campus" data-testid="category-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={ct('field.nameZh')} rules={[required(ct('field.nameZh'))]}>
          <Input maxLength={20} placeholder="校园纠纷" data-testid="category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={ct('field.nameEnLabel')}>
          <Input maxLength={60} placeholder="Campus" />
        </Form.Item>
        <Form.Item
          name="reportAs"
          label={ct('field.reportAs')}
          extra={category?.builtin ? ct('field.reportAsBuiltin') : ct('field.reportAsHint')}
          rules={[select(ct('field.reportAs'))]}
        >
          <Select options={standardOptions(lang)} disabled={category?.builtin} showSearch={{ optionFilterProp: 'label' }} data-testid="category-report-as" />
        </Form.Item>
        <Form.Item name="sortOrder" label={ct('field.sortOrder')} extra={ct('field.sortOrderHint')}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
