import { Descriptions, Tag, Typography } from 'antd';
import { isCourtSource } from '@sifa/mediation/shared';
import type { Dispute } from '@sifa/mediation/shared';
import { formatDateTime, formatYuan, useCompact } from '@sifa/ui';
import { useCategories } from '../categories/category-queries';
import { categoryLabel, sourceLabel, statusLabel } from '../common/labels';
import { useMediationText } from '../common/messages';

/** 纠纷情况: what the dispute is about, where it came from, who mediates it and how it ended. */
export function DisputeFacts({ dispute }: { dispute: Dispute }) {
  const { t, mt, lang } = useMediationText();
  const compact = useCompact();
  const categories = useCategories().data;
  const { matter } = dispute;
  const none = t('common.none');
  const court = isCourtSource(dispute.source);
  const procedure =
    dispute.courtProcedure === 'ordinary'
      ? mt('procedure.ordinary')
      : dispute.courtProcedure === 'simplified'
        ? mt('procedure.simplified')
        : (dispute.courtProcedure ?? none);
  const agreement = dispute.agreementKind === 'written' ? mt('agreement.written') : dispute.agreementKind === 'oral' ? mt('agreement.oral') : null;
  const confirmation =
    dispute.confirmationResult === 'confirmed'
      ? mt('confirmation.confirmed')
      : dispute.confirmationResult === 'dismissed'
        ? mt('confirmation.dismissed')
        : null;

  return (
    <Descriptions
      bordered
      size="small"
      column={compact ? 1 : 2}
      data-testid="dispute-facts"
      items={[
        { key: 'number', label: mt('field.number'), children: matter.number },
        { key: 'title', label: mt('field.title'), children: matter.title },
        { key: 'category', label: mt('field.category'), children: categoryLabel(categories, dispute.category, lang) },
        { key: 'source', label: mt('field.source'), children: sourceLabel(dispute.source, lang) },
        ...(court
          ? [
              { key: 'case', label: mt('field.courtCaseNumber'), children: dispute.courtCaseNumber ?? none },
              { key: 'court', label: mt('field.courtName'), children: dispute.courtName ?? none },
              { key: 'procedure', label: mt('field.courtProcedure'), children: procedure },
            ]
          : []),
        { key: 'status', label: mt('field.status'), children: statusLabel(matter.status, lang) },
        { key: 'org', label: mt('field.org'), children: matter.orgName },
        { key: 'registered', label: mt('field.registered'), children: formatDateTime(matter.openedAt) },
        { key: 'accepted', label: mt('field.accepted'), children: formatDateTime(dispute.acceptedAt) || none },
        { key: 'committee', label: mt('field.committee'), children: dispute.committeeName ?? none },
        { key: 'mediator', label: mt('field.mediator'), children: dispute.mediatorName ?? none },
        { key: 'address', label: mt('field.address'), children: dispute.address ?? none },
        {
          key: 'amount',
          label: mt('field.amount'),
          children: dispute.amountYuan === null ? none : formatYuan(dispute.amountYuan, lang),
        },
        {
          key: 'agreement',
          label: mt('field.agreement'),
          children: agreement
            ? [
                `${agreement} · ${mt('field.agreementEffective')} ${dispute.agreementEffectiveOn ?? none}`,
                ...(dispute.agreementAmountYuan === null ? [] : [`${mt('field.agreementAmount')} ${formatYuan(dispute.agreementAmountYuan, lang)}`]),
              ].join(' · ')
            : none,
        },
        ...(dispute.preventedCriminal || dispute.preventedMassPetition
          ? [
              {
                key: 'prevented',
                label: mt('field.prevented'),
                children: [
                  ...(dispute.preventedCriminal ? [mt('prevented.criminal')] : []),
                  ...(dispute.preventedMassPetition ? [mt('prevented.massPetition')] : []),
                  ...(dispute.personsInvolved === null ? [] : [mt('prevented.persons', { n: dispute.personsInvolved })]),
                ].join(' · '),
              },
            ]
          : []),
        { key: 'confirmation', label: mt('field.confirmation'), children: confirmation ?? none },
        { key: 'closed', label: mt('field.closed'), children: formatDateTime(matter.closedAt) || none },
        {
          key: 'risk',
          label: mt('field.risk'),
          children: dispute.atRisk ? <Tag color="red">{mt('risk.tag')}</Tag> : none,
        },
        {
          key: 'description',
          label: mt('field.description'),
          span: compact ? 1 : 2,
          children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{dispute.description}</Typography.Paragraph>,
        },
      ]}
    />
  );
}
