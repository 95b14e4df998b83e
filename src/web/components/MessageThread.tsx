import type { MessageView } from '../../shared/api.ts';
import { DateTime } from './DateTime.tsx';

function describeMessage(message: MessageView): { author: string; kind: string; className: string } {
  if (message.author === 'reporter')
    return { author: 'Reporter', kind: 'From the reporter', className: 'message--reporter' };
  const author = message.authorName ?? 'Staff';
  return message.visibility === 'internal'
    ? { author, kind: 'Internal note — not visible to the reporter', className: 'message--internal' }
    : { author, kind: 'Reply to the reporter', className: 'message--staff' };
}

/** The conversation with the reporter, with internal notes set apart. */
export function MessageThread({ messages }: { messages: MessageView[] }) {
  if (messages.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="thread">
      {messages.map((message) => {
        const { author, kind, className } = describeMessage(message);
        return (
          <li key={message.id} className={`message ${className}`}>
            <article>
              <header className="message-header">
                <p className="message-kind">{kind}</p>
                <p>
                  <strong>
                    <bdi>{author}</bdi>
                  </strong>{' '}
                  · <DateTime iso={message.createdAt} />
                </p>
              </header>
              <p className="message-body" dir="auto">
                {message.body}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
