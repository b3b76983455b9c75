import { Typography } from 'antd';
import type { RegistryImportReport } from '@sifa/mediation/shared';
import { useCourtText } from '../court/court-messages';
import { REGISTRY, useRegistryImport, type ImportKind } from './registry-queries';
import { ImportDialog } from '@sifa/ui';
import type { ImportColumn } from '@sifa/ui';

type ReportRow = RegistryImportReport['rows'][number];

// server/registry/registry-routes.ts MAX_IMPORT_BYTES
const MAX_BYTES = 5 * 1024 * 1024;

export interface RegistryImportModalProps {
  kind: ImportKind;
  /** The unit the rows go into (a judicial office or bureau; a committee for its own mediators). */
  unitId: string;
  unitName: string;
  onClose: () => void;
}

/** 从 Excel 导入 committees or mediators into one unit (ImportDialog with the register's template and columns). */
export function RegistryImportModal({ kind, unitId, unitName, onClose }: RegistryImportModalProps) {
  const { rt, ct } = useCourtText();
  const what = rt(kind === 'committees' ? 'import.what.committees' : 'import.what.mediators');
  const upload = useRegistryImport(kind, unitId);
  const columns: ImportColumn<ReportRow>[] = [{ title: rt('field.name'), value: (r) => r.name }];
  return (
    <ImportDialog<ReportRow>
      title={rt('import.title', { what })}
      steps={rt('import.steps')}
      templateUrl={`${REGISTRY}/${kind}/template.xlsx`}
      templateName={rt('import.templateName', { what })}
      limit={rt('import.limit')}
      maxBytes={MAX_BYTES}
      unit={<Typography.Text type="secondary">{rt('import.into', { unit: unitName })}</Typography.Text>}
      upload={upload}
      columns={columns}
      problemsName={ct('import.problemsName', { what })}
      onClose={onClose}
    />
  );
}
