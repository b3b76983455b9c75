import type { IndicatorResult } from '@sifa/kernel/shared';
import { IndicatorCard } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useIndicator } from './indicator-queries';
import type { IndicatorParams } from './indicator-queries';

export interface FigureCardProps {
  id: string;
  /** All figures of the page: fetched together in one request. */
  batch?: readonly string[];
  params: IndicatorParams;
  onOpen: (result: IndicatorResult) => void;
}

/** One mediation figure on the shared IndicatorCard; an average duration reads “共 n 天 / d 件”. */
export function FigureCard({ id, batch, params, onOpen }: FigureCardProps) {
  const { mt } = useMediationText();
  const query = useIndicator(id, params, batch ?? [id]);
  return (
    <IndicatorCard
      id={id}
      query={query}
      onOpen={onOpen}
      errorText={(error) => mt('common.loadFailed', { message: error.message })}
      footnote={(r) => (r.unit === 'days' ? mt('dash.daysOver', { n: r.numerator, d: r.denominator ?? 0 }) : undefined)}
    />
  );
}
