import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { UiTranslate } from '../i18n';
import { useI18n } from '../i18n';
import { AttachmentsTab } from './AttachmentsTab';
import { DeadlinesTab } from './DeadlinesTab';
import { DetailsTab } from './DetailsTab';
import { DocumentsTab } from './DocumentsTab';
import { matterLabels } from './labels';
import { useWebModules } from './modules';
import { PartiesTab } from './PartiesTab';
import { useMatter } from './queries';
import type { MatterDetail } from './schemas';
import { TimelineTab } from './TimelineTab';

/** One tab of a matter page. */
export interface MatterTab {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** The kernel's tabs, by key; a module keeps, relabels or replaces them (`{ ...kernel.deadlines, label }`). */
export interface KernelTabs {
  details: MatterTab;
  parties: MatterTab;
  timeline: MatterTab;
  deadlines: MatterTab;
  documents: MatterTab;
  attachments: MatterTab;
}

/** A tab that needs the matter itself (labels, its module): it waits for the page's cached matter query. */
function WithMatter({ id, children }: { id: string; children: (detail: MatterDetail) => ReactNode }) {
  const { data } = useMatter(id);
  return data ? children(data) : <Skeleton active />;
}

function KernelDetails({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const modules = useWebModules();
  return <WithMatter id={id}>{(d) => <DetailsTab detail={d} labels={matterLabels(d, lang, t, modules)} />}</WithMatter>;
}

/** The parties do not wait for the matter: its labels name the roles once it is there (the common roles until then). */
function KernelParties({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const modules = useWebModules();
  const { data } = useMatter(id);
  return <PartiesTab matterId={id} {...(data ? { roleLabel: matterLabels(data, lang, t, modules).partyRole } : {})} />;
}

function KernelTimeline({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const modules = useWebModules();
  return <WithMatter id={id}>{(d) => <TimelineTab matterId={id} labels={matterLabels(d, lang, t, modules)} />}</WithMatter>;
}

/** The kernel's tabs of matter `id`, in their order: details, parties, timeline, deadlines, documents, attachments. */
export function kernelTabs(id: string, t: UiTranslate): KernelTabs {
  return {
    details: { key: 'details', label: t('matter.tab.details'), children: <KernelDetails id={id} /> },
    parties: { key: 'parties', label: t('matter.tab.parties'), children: <KernelParties id={id} /> },
    timeline: { key: 'timeline', label: t('matter.tab.timeline'), children: <KernelTimeline id={id} /> },
    deadlines: { key: 'deadlines', label: t('matter.tab.deadlines'), children: <DeadlinesTab matterId={id} /> },
    documents: {
      key: 'documents',
      label: t('matter.tab.documents'),
      children: <WithMatter id={id}>{(d) => <DocumentsTab matterId={id} module={d.matter.module} />}</WithMatter>,
    },
    attachments: { key: 'attachments', label: t('matter.tab.attachments'), children: <AttachmentsTab matterId={id} /> },
  };
}
