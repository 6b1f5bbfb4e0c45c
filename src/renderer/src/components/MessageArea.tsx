import type { TextEncoding } from '../../../shared/contract/api';
import type { Message } from '../state/appState';
import { OpenAsPicker } from './OpenAsPicker';

export interface MessageAreaProps {
  readonly messages: readonly Message[];
  readonly onDismiss: (id: number) => void;
  /** Open a file refused as not being text in the encoding chosen in its message ("Open as…"). */
  readonly onOpenAs?: (path: string, encoding: TextEncoding) => void;
}

/**
 * Errors and notices, calm and dismissable. Errors are announced at once, notices politely. A file
 * refused as not being text gets a list of encodings to open it in, when `onOpenAs` is given.
 */
export function MessageArea({ messages, onDismiss, onOpenAs }: MessageAreaProps) {
  if (messages.length === 0) return null;
  return (
    <div className="messages">
      {messages.map((message) => (
        <div key={message.id} className={`message message--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          <svg className="message__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="8.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
            {message.tone === 'error' ? (
              <path d="M10 5.6v5.4M10 13.6v.4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            ) : (
              <path d="M10 9v5M10 6v.4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            )}
          </svg>
          <div className="message__text">
            <p className="message__title">{message.title}</p>
            {message.detail && <p className="message__detail">{message.detail}</p>}
            {message.openAs !== undefined && onOpenAs && (
              <OpenAsPicker
                name={message.openAs.split(/[\\/]/).pop() || message.openAs}
                onChoose={(encoding) => {
                  onDismiss(message.id);
                  onOpenAs(message.openAs!, encoding);
                }}
              />
            )}
          </div>
          <button type="button" className="button button--quiet button--small" onClick={() => onDismiss(message.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
