import type { ComparisonProgress } from '../../../shared/contract/api';

export interface ComparisonProgressBarProps {
  readonly progress: ComparisonProgress;
  readonly onCancel: () => void;
}

/** A comparison that is taking a while: how far it has got, and a way to stop it. */
export function ComparisonProgressBar({ progress, onCancel }: ComparisonProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, progress.done)) * 100);
  return (
    <div className="progress" role="group" aria-label="Comparing">
      <p className="progress__stage">{progress.stage}…</p>
      <div
        className="progress__track"
        role="progressbar"
        aria-label="Comparing the sources"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${progress.stage}, ${percent}%`}
      >
        <div className="progress__fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <span className="progress__percent" aria-hidden="true">
        {percent}%
      </span>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
