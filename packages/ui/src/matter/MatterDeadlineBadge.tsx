import { DeadlineBadge } from '../DeadlineBadge';
import { useState } from 'react';
import { pick, useI18n } from '../i18n';
import { todayInShanghai } from '../format/date';
import { deadlineLevel } from './deadline-view';
import { useDeadlineExplanation } from './queries';
import type { MatterDeadline } from './schemas';

/** A matter deadline's badge; its hover card fetches the explanation on first open when the list lacked it. */
export function MatterDeadlineBadge({ deadline }: { deadline: MatterDeadline }) {
  const { lang } = useI18n();
  const [opened, setOpened] = useState(false);
  const preview = useDeadlineExplanation(deadline, opened);
  const explanation = deadline.explanation ?? preview.data?.explanation;
  const cite = deadline.cite ?? preview.data?.cite ?? null;
  const title = pick(lang, deadline.ruleNameZh, deadline.ruleNameEn ?? preview.data?.rule.nameEn ?? deadline.ruleNameZh);
  return (
    <DeadlineBadge
      level={deadlineLevel(deadline, todayInShanghai())}
      dueDate={deadline.dueDate}
      warnDate={deadline.warnDate}
      title={title}
      explanation={explanation}
      cite={cite}
      calendarCovered={deadline.calendarCovered}
      loading={opened && explanation === undefined && preview.isFetching}
      onOpenChange={(open) => open && setOpened(true)}
      lang={lang}
    />
  );
}
