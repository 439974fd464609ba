import type { ComponentChildren } from 'preact';

/**
 * A wide table that scrolls sideways inside its own box on a phone instead of widening the page. The box is a
 * labelled region that takes the keyboard focus, so it can be scrolled without a mouse (axe:
 * scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
