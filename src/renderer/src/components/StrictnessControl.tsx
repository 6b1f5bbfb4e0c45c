import { useId } from 'react';

export interface StrictnessControlProps {
  /** How alike paragraphs must be to be lined up, from 0 (loose) to 1 (strict). */
  readonly value: number;
  /** What Parallax uses when nobody chose (the core's DEFAULT_ALIGN_THRESHOLD). */
  readonly defaultValue: number;
  readonly onChange: (value: number) => void;
  /** How many passages (groups) the comparison on screen has, shown beside the slider. */
  readonly passages?: number;
  /** The setting the comparison on screen was made with: while the slider is elsewhere, the count is about to change. */
  readonly comparedAt?: number;
}

/** Steps of the control: 0 to 1 by 0.05, as the command line's --threshold takes them. */
const STEP = 0.05;

/** Two decimals, as the command line's --threshold is written ("0.25"). */
export const formatThreshold = (value: number): string => value.toFixed(2);

/**
 * How strictly paragraphs of different sources must match to be lined up: a slider from Loose to
 * Strict, with the number beside it and how many passages the comparison finds at it (dimmed while
 * the comparison catches up with the slider). Arrow keys move it a step, Home and End to the ends.
 */
export function StrictnessControl({ value, defaultValue, onChange, passages, comparedAt }: StrictnessControlProps) {
  const id = useId();
  const isDefault = Math.abs(value - defaultValue) < 1e-9;
  const pending = comparedAt !== undefined && Math.abs(value - comparedAt) > 1e-9;
  const shown = formatThreshold(value);
  return (
    <div className="strictness" title="How alike paragraphs of different sources must be to be lined up. Stricter: fewer, closer matches.">
      <label className="strictness__label" htmlFor={id}>
        Matching
      </label>
      <span className="strictness__end" aria-hidden="true">
        Loose
      </span>
      <input
        id={id}
        className="strictness__slider"
        type="range"
        min={0}
        max={1}
        step={STEP}
        value={value}
        aria-valuetext={`${shown}${isDefault ? ', the default' : ''}, from 0 loose to 1 strict`}
        onChange={(event) => onChange(Math.round(Number(event.currentTarget.value) / STEP) * STEP)}
      />
      <span className="strictness__end" aria-hidden="true">
        Strict
      </span>
      <output className="strictness__value" htmlFor={id} aria-hidden="true">
        {shown}
      </output>
      {passages !== undefined && (
        <span
          className={`strictness__passages${pending ? ' strictness__passages--pending' : ''}`}
          aria-live="polite"
          title={pending ? 'Comparing again with this setting…' : 'Passages the sources share at this setting'}
        >
          {passages === 1 ? '1 passage' : `${passages} passages`}
        </span>
      )}
      {!isDefault && (
        <button type="button" className="button button--quiet button--small strictness__reset" onClick={() => onChange(defaultValue)}>
          Default
        </button>
      )}
    </div>
  );
}
