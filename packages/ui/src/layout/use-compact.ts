import { Grid } from 'antd';

/** True below 768 px (phones): menus become drawers, pagers shrink, forms stack. */
export function useCompact(): boolean {
  const screens = Grid.useBreakpoint();
  // empty on the very first render: treat that as wide rather than flash the phone layout
  return screens.md === false;
}
