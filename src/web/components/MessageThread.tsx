import type { MessageView } from '../../shared/api.ts';
import type { TFunction } from 'i18next';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

function describeMessage(message: MessageView, t: TFunction): { author: string; kind: string; className: string } {
  if (message.author === 'reporter')
    return {
      author: t('messageThread.reporter'),
      kind: t('messageThread.fromReporter'),
      className: 'message--reporter',
    };
  const author = message.authorName ?? t('messageThread.staff');
  return message.visibility === 'internal'
    ? { author, kind: t('messageThread.internal'), className: 'message--internal' }
    : { author, kind: t('messageThread.reply'), className: 'message--staff' };
}

/** The conversation with the reporter, with internal notes set apart. */
export function MessageThread({ messages }: { messages: MessageView[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <p className="muted">{t('messageThread.none')}</p>;
  return (
    <ol className="thread">
      {messages.map((message) => {
        const { author, kind, className } = describeMessage(message, t);
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
