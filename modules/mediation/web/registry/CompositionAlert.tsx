import { Alert, Tag, Tooltip } from 'antd';
import { warningText } from './registry-labels';
import { useRegistryText } from './registry-messages';

/** A warning as the API sends it (CompositionWarningSchema). */
type Warning = { code: string; zh: string; en: string };

/** The committee's composition against 人民调解法 第八条、第九条: a warning with every problem, or a quiet OK. */
export function CompositionAlert({ warnings }: { warnings: readonly Warning[] }) {
  const { rt, lang } = useRegistryText();
  if (warnings.length === 0) return <Alert type="success" showIcon title={rt('composition.ok')} data-testid="composition-ok" />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="composition-warnings"
      title={rt('composition.title', { n: warnings.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w) => (
            <li key={w.code}>{warningText(w, lang)}</li>
          ))}
        </ul>
      }
    />
  );
}

/** The list's composition cell: a count of warnings (hover lists them) or OK. */
export function CompositionTag({ warnings }: { warnings: readonly Warning[] }) {
  const { rt, lang } = useRegistryText();
  if (warnings.length === 0) return <Tag color="green">{rt('composition.okTag')}</Tag>;
  return (
    <Tooltip
      title={
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {warnings.map((w) => (
            <li key={w.code}>{warningText(w, lang)}</li>
          ))}
        </ul>
      }
    >
      <Tag color="orange" data-testid="composition-tag">
        {rt('composition.tag', { n: warnings.length })}
      </Tag>
    </Tooltip>
  );
}
