/**
 * Moves focus to a panel's heading, for when the control that had it is gone (a removed row's
 * button): focus would otherwise drop to the page (QA14, THUI2). The heading becomes
 * focusable from script only (tabindex -1), not a tab stop.
 */
export function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}
