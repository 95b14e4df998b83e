import { describeAnswer, type Answer } from '../lib/answers.ts';

/** The reporter's answers as label / answer pairs. */
export function AnswerList({ answers }: { answers: Answer[] }) {
  if (answers.length === 0) return <p className="muted">The report has no answers.</p>;
  return (
    <dl className="answers">
      {answers.map((answer) => {
        const text = describeAnswer(answer);
        return (
          <div key={answer.fieldId}>
            <dt>{answer.label}</dt>
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
