import { Fragment } from 'react';
import { parseNoteBody, type Inline } from '../lib/noteBody';

function InlineText({ parts }: { readonly parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((part, i) => {
        let node = <>{part.text}</>;
        if (part.italic) node = <em>{node}</em>;
        if (part.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

/** A note's body with its light formatting, as React elements only (never HTML). */
export function NoteBody({ body }: { readonly body: string }) {
  return (
    <div className="note__body">
      {parseNoteBody(body).map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>
            {block.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                <InlineText parts={line} />
              </Fragment>
            ))}
          </p>
        ) : block.ordered ? (
          <ol key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineText parts={item} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineText parts={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
