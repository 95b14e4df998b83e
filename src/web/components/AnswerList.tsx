import { describeAnswer, type Answer } from '../lib/answers.ts';
import { useTranslation } from 'react-i18next';

/** The reporter's answers as label / answer pairs. */
export function AnswerList({ answers }: { answers: Answer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <p className="muted">{t('answerList.none')}</p>;
  return (
    <dl className="answers">
      {answers.map((answer) => {
        const text = describeAnswer(answer);
        return (
          <div key={answer.fieldId}>
            <dt dir="auto">{answer.label}</dt>
            <dd className={answer.value === null ? 'muted' : 'answer-text'} dir="auto">
              {Array.isArray(text) ? (
                <ul>
                  {text.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : (
                text
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
