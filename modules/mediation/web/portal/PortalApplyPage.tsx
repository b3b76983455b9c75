import { PortalApplicationResult } from '@sifa/mediation/shared';
import { StepWizard, useCitizen, usePortalApi } from '@sifa/ui';
import type { WizardStep } from '@sifa/ui';
import { ApiError } from '@sifa/ui';
import { useMemo, useState } from 'react';
import { ApplyDone } from './ApplyDone';
import { ApplyReview } from './ApplyReview';
import { APPLY_DRAFT_SERVICE, EMPTY_APPLICATION, applicationBody } from './apply-form';
import type { ApplyForm } from './apply-form';
import { DisputeStep } from './DisputeStep';
import { OfficeStep } from './OfficeStep';
import { PartiesStep } from './PartiesStep';
import { usePortalText } from './portal-messages';

/**
 * 申请人民调解: a guided form in four steps (司法所 → 纠纷情况 → 当事人 → 确认提交) for a signed-in citizen (the page
 * is declared `citizen: true`). The applicant's phone is the one they signed in with, so they can track the
 * application by number and phone. What is typed is kept as a draft per citizen on this device until submitted.
 */
export function PortalApplyPage() {
  const { t, pt } = usePortalText();
  const citizen = useCitizen();
  const api = usePortalApi();
  const [q, setQ] = useState('');
  const phoneMasked = citizen.account.phoneMasked;

  const steps = useMemo<WizardStep<ApplyForm>[]>(
    () => [
      { key: 'office', title: pt('apply.step.office'), fields: ['officeId'], content: ({ form }) => <OfficeStep form={form} q={q} onSearch={setQ} /> },
      { key: 'dispute', title: pt('apply.step.dispute'), fields: ['category', 'summary', 'description', 'address'], content: () => <DisputeStep /> },
      {
        key: 'parties',
        title: pt('apply.step.parties'),
        fields: ['applicantName', 'idType', 'idNumber', 'respondents'],
        content: () => <PartiesStep phoneMasked={phoneMasked} />,
      },
    ],
    [pt, q, phoneMasked],
  );

  return (
    <StepWizard<ApplyForm, PortalApplicationResult>
      title={pt('apply.title')}
      intro={pt('apply.intro')}
      draft={{ service: APPLY_DRAFT_SERVICE, citizenId: citizen.account.id }}
      initialValues={EMPTY_APPLICATION}
      steps={steps}
      review={{
        title: pt('apply.step.confirm'),
        intro: pt('apply.confirmIntro'),
        content: (values) => <ApplyReview values={values} phoneMasked={phoneMasked} />,
      }}
      onSubmit={(values) => api.send('POST', '/api/public/mediation/applications', applicationBody(values), PortalApplicationResult)}
      renderDone={(result) => <ApplyDone result={result} />}
      describeError={(error) => (error instanceof ApiError ? error.message : t('common.loadFailed'))}
      testIdPrefix="apply"
    />
  );
}
