import { useRef, type KeyboardEvent } from 'react';
import { COMPARISON_LAYOUTS, type ComparisonLayout } from '../state/appState';

export interface LayoutTabsProps {
  readonly layout: ComparisonLayout;
  readonly onLayout: (layout: ComparisonLayout) => void;
  /** The id of the panel the tabs control. */
  readonly panelId: string;
  readonly differencesOpen: boolean;
  readonly differenceCount: number;
  readonly onToggleDifferences: () => void;
}

/**
 * The id of the place at the end of the bar where the view on screen may put controls of its own
 * (the columns put their folded toolbar there, "Key & tools"), so that on a short screen the tabs,
 * the differences list and those controls share one row.
 */
export const LAYOUT_BAR_SLOT_ID = 'layout-bar-slot';

const NAMES: Record<ComparisonLayout, { readonly name: string; readonly hint: string }> = {
  glance: { name: 'At a glance', hint: 'The story at a glance: the headlines, who speaks, what leads, the strongest contrasts' },
  columns: { name: 'Columns', hint: 'One column per source, side by side' },
  events: { name: 'Event', hint: 'Who reported what: one row per passage, one cell per source' },
  claims: { name: 'Claims', hint: 'The figures the sources give, side by side' },
  coverage: { name: 'Coverage', hint: 'How much each source says in each passage, and how differently' },
};

/**
 * The ways to see the open comparison, as tabs (arrow keys move between them, as in any tab list),
 * the switch for the differences panel, and a place for the view's own controls (see
 * LAYOUT_BAR_SLOT_ID).
 */
export function LayoutTabs(props: LayoutTabsProps) {
  const tabs = useRef(new Map<ComparisonLayout, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = COMPARISON_LAYOUTS.indexOf(props.layout);
    const to =
      event.key === 'ArrowRight'
        ? COMPARISON_LAYOUTS[(at + 1) % COMPARISON_LAYOUTS.length]
        : event.key === 'ArrowLeft'
          ? COMPARISON_LAYOUTS[(at - 1 + COMPARISON_LAYOUTS.length) % COMPARISON_LAYOUTS.length]
          : event.key === 'Home'
            ? COMPARISON_LAYOUTS[0]
            : event.key === 'End'
              ? COMPARISON_LAYOUTS.at(-1)
              : undefined;
    if (!to) return;
    event.preventDefault();
    props.onLayout(to);
    tabs.current.get(to)?.focus();
  };
  return (
    <div className="layout-bar">
      <div className="layout-tabs" role="tablist" aria-label="Ways to see the comparison">
        {COMPARISON_LAYOUTS.map((layout) => (
          <button
            key={layout}
            ref={(element) => {
              if (element) tabs.current.set(layout, element);
              else tabs.current.delete(layout);
            }}
            type="button"
            role="tab"
            id={`layout-tab-${layout}`}
            className="layout-tab"
            aria-selected={props.layout === layout}
            aria-controls={props.panelId}
            tabIndex={props.layout === layout ? 0 : -1}
            title={NAMES[layout].hint}
            onClick={() => props.onLayout(layout)}
            onKeyDown={onKeyDown}
          >
            {NAMES[layout].name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button layout-bar__differences"
        aria-pressed={props.differencesOpen}
        title="List every difference; F8 and Shift+F8 (or j and k) step through them"
        onClick={props.onToggleDifferences}
      >
        Differences list
        <span className="kind-toggle__count">{props.differenceCount}</span>
      </button>
      <div id={LAYOUT_BAR_SLOT_ID} className="layout-bar__slot" />
    </div>
  );
}
