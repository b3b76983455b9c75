import { lazy, Suspense } from 'react';
import type { MatterActionFormProps } from '@sifa/ui';

const ActionModal = lazy(() => import('./DisputeActionModal').then((m) => ({ default: m.DisputeActionModal })));

/**
 * A dispute action's form, loaded on first use. It suspends on its own (showing nothing for that moment) so the page
 * that opens it — ours or the kernel's matter page — does not fall back to its loading screen.
 */
export function LazyActionForm(props: MatterActionFormProps) {
  return (
    <Suspense fallback={null}>
      <ActionModal {...props} />
    </Suspense>
  );
}
