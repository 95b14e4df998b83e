/**
 * The case lifecycle: received → acknowledged → assessing → investigating | referred → closed with an outcome.
 * A closed case can be reopened (to assessing) with a reason.
 */
import type { CaseStatus, Outcome } from '../../shared/api.ts';

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['acknowledged', 'assessing', 'closed'],
  acknowledged: ['assessing', 'closed'],
  assessing: ['investigating', 'referred', 'closed'],
  investigating: ['referred', 'closed'],
  referred: ['investigating', 'closed'],
  closed: ['assessing'],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

/** What the reporter reads about their report's status, in plain words. */
export const STATUS_TEXT: Record<CaseStatus, string> = {
  received: 'Your report has been received and is waiting to be looked at.',
  acknowledged: 'Your report has been received and acknowledged by the staff who handle it.',
  assessing: 'Your report is being assessed.',
  investigating: 'Your report is being looked into.',
  referred: 'Your report has been passed to the authority responsible for this matter.',
  closed: 'Handling of your report has ended.',
};

export const OUTCOME_TEXT: Record<Outcome, string> = {
  substantiated: 'What you reported was confirmed.',
  unsubstantiated: 'What you reported could not be confirmed.',
  insufficient_information: 'There was not enough information to go on.',
  referred_elsewhere: 'The matter was passed to another authority.',
  duplicate: 'The matter had already been reported and is handled together with that report.',
  knowingly_false: 'The report was found to be knowingly false.',
};
