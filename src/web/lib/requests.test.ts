import { describe, expect, it } from 'vitest';
import type { RequestView } from '../../shared/requests.ts';
import {
  draftProblems,
  EMPTY_DRAFT,
  expiryLabel,
  hasAnswers,
  requestBody,
  decisionSummary,
  requestKindOptions,
  splitMine,
  statusText,
  subjectOf,
} from './requests.ts';

const CASE = '8b0c7a4e-9a53-4a43-9d62-2f1f3c1a7b10';

describe('request form', () => {
  it('offers the access kinds only to those who grant, and closing only to those who do not', () => {
    expect(requestKindOptions(false).map((o) => o.value)).toEqual([
      'identity_disclosure',
      'open_original',
      'early_deletion',
      'export',
      'enforcement_action',
      'knowingly_false',
      'close_case',
    ]);
    expect(requestKindOptions(true).map((o) => o.value)).toEqual([
      'identity_disclosure',
      'open_original',
      'early_deletion',
      'export',
      'grant_outside',
      'enforcement_action',
      'knowingly_false',
      'lift_exclusion',
      'exclude_holder',
    ]);
    expect(requestKindOptions(true)[0]).toEqual({
      value: 'identity_disclosure',
      label: "Disclose the reporter's identity",
    });
  });

  it('asks for a file, a staff member or nothing, by kind', () => {
    expect(subjectOf('open_original')).toBe('file');
    expect(subjectOf('grant_outside')).toBe('user');
    expect(subjectOf('export')).toBeNull();
    expect(subjectOf('')).toBeNull();
  });

  it('names every missing field of an empty identity disclosure', () => {
    expect(draftProblems({ ...EMPTY_DRAFT, kind: 'identity_disclosure', reason: '  ' })).toEqual({
      reason: 'Give the reason: why this is needed.',
      legalBasis: 'Give the legal basis, for example the article of the law.',
      reporterNotice: 'Write what the reporter will be told once it is approved.',
    });
    expect(draftProblems(EMPTY_DRAFT).kind).toBe('Choose what you ask approval for.');
    expect(draftProblems({ ...EMPTY_DRAFT, kind: 'open_original', reason: 'r', legalBasis: 'b' })).toEqual({
      subject: 'Choose the file.',
    });
  });

  it('sends the subject and the notice only for kinds that take them', () => {
    const draft = {
      kind: 'export' as const,
      subject: 'left over from another kind',
      reason: ' Court order ',
      legalBasis: 'CEL 2023 Art. 25',
      reporterNotice: 'left over',
    };
    expect(draftProblems(draft)).toEqual({});
    expect(requestBody(CASE, draft)).toEqual({
      caseId: CASE,
      kind: 'export',
      reason: 'Court order',
      legalBasis: 'CEL 2023 Art. 25',
    });
    expect(requestBody(CASE, { ...draft, kind: 'identity_disclosure', reporterNotice: ' We will call you. ' })).toEqual(
      {
        caseId: CASE,
        kind: 'identity_disclosure',
        reason: 'Court order',
        legalBasis: 'CEL 2023 Art. 25',
        reporterNotice: 'We will call you.',
      },
    );
    expect(requestBody(CASE, { ...draft, kind: 'open_original', subject: 'f1' }).subject).toBe('f1');
  });
});

const request = (id: string, status: RequestView['status'], kind: RequestView['kind'] = 'export'): RequestView => ({
  id,
  kind,
  caseId: CASE,
  caseReference: 'R-1A2B3C4D',
  requesterName: 'Ana',
  mine: true,
  canDecide: false,
  status,
  createdAt: '2026-03-02T09:00:00.000Z',
  expiresAt: '2026-03-09T09:00:00.000Z',
  decidedAt: null,
  deciderName: null,
  subject: null,
  reason: 'r',
  legalBasis: 'b',
  decisionNote: null,
});

describe('request status', () => {
  it('says what each status means, and that an approved disclosure is done', () => {
    expect(statusText(request('1', 'pending'))).toBe('Waiting for a decision');
    expect(statusText(request('1', 'used'))).toBe('Approved and used');
    expect(statusText(request('1', 'used', 'identity_disclosure'))).toBe('Approved: identity disclosed');
    expect([expiryLabel(request('1', 'pending')), expiryLabel(request('1', 'approved'))]).toEqual([
      'Decide by',
      'Use by',
    ]);
    expect(expiryLabel(request('1', 'refused'))).toBeNull();
  });

  it('says an approval that was given and then expired was approved, by whom, and when it expired', () => {
    const decided = { decidedAt: '2026-03-01T10:00:00.000Z', deciderName: 'Sam Supervisor' };
    const expiresAt = '2026-03-08T10:00:00.000Z';
    expect(decisionSummary({ ...request('1', 'expired'), ...decided, expiresAt })).toEqual({
      text: 'Approved by Sam Supervisor, expired on ',
      at: expiresAt,
    });
    expect(decisionSummary({ ...request('1', 'refused'), ...decided })).toEqual({
      text: 'Refused by Sam Supervisor, ',
      at: decided.decidedAt,
    });
    expect(decisionSummary({ ...request('1', 'expired'), decidedAt: null, deciderName: null })).toEqual({
      text: 'Expired',
      at: null,
    });
  });

  it('puts open requests of mine before settled ones, keeping their order', () => {
    const items = [request('a', 'refused'), request('b', 'pending'), request('c', 'used'), request('d', 'approved')];
    const { open, settled } = splitMine(items);
    expect(open.map((r) => r.id)).toEqual(['b', 'd']);
    expect(settled.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('tells an anonymous identity section from an answered one', () => {
    const answer = (value: string | null) => ({
      fieldId: 'name',
      label: 'Name',
      type: 'short_text',
      value,
      optionLabels: null,
    });
    expect(hasAnswers([answer(null), answer('')])).toBe(false);
    expect(hasAnswers([answer(null), answer('Ana')])).toBe(true);
  });
});
