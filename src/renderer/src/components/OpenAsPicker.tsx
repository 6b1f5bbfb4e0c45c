import { useId } from 'react';
import type { TextEncoding } from '../../../shared/contract/api';
import { ENCODING_CHOICES, ENCODING_NAMES } from '../lib/sourceFacts';

export interface OpenAsPickerProps {
  /** The file's name, for the list's label. */
  readonly name: string;
  readonly onChoose: (encoding: TextEncoding) => void;
}

/**
 * "Open as…": a list of encodings for a file Parallax refused as not being text, in the message
 * that says so. Choosing one opens the file in it (and remembers it, as the encoding list of an
 * open source does); the list starts on a prompt, so nothing happens until a choice is made.
 */
export function OpenAsPicker({ name, onChoose }: OpenAsPickerProps) {
  const id = useId();
  return (
    <div className="message__open-as">
      <label htmlFor={id}>Open {name} as text in</label>
      <select
        id={id}
        className="select"
        value=""
        onChange={(event) => {
          if (event.target.value) onChoose(event.target.value as TextEncoding);
        }}
      >
        <option value="">Choose an encoding…</option>
        {ENCODING_CHOICES.map((encoding) => (
          <option key={encoding} value={encoding}>
            {ENCODING_NAMES[encoding]}
          </option>
        ))}
      </select>
    </div>
  );
}
