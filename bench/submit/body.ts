/**
 * The submission sent by the benchmark: category espionage of the national-security profile, ~1 KB of answers
 * spread over what_happened (long text), where and evidence, danger "no", no file; encoded once as multipart with
 * the platform FormData and Request (as test/helpers/multipart.ts does), then sent raw.
 */
export const SUBMIT_CATEGORY = 'espionage';

const WHAT_HAPPENED =
  'Over the past three months a colleague in the procurement office has repeatedly copied design documents for ' +
  'the new radar installation onto a personal USB stick, outside working hours, and taken them home. Last week I ' +
  'saw him hand an envelope to a man I did not recognise in the car park behind building C; the man left in a ' +
  'car with foreign plates. When I asked about the documents he said he was working from home, but he has no ' +
  'remote access approval and the project is classified. He has also asked other staff about the test schedule, ' +
  'which is not part of his work, and recently paid off a large loan in cash. I am reporting this because I ' +
  'believe the information may be passed to a foreign intelligence service and the risk is ongoing.';
const WHERE = 'Procurement office, building B, second floor; car park behind building C';
const EVIDENCE =
  'I took no copies myself. The badge log of building B should show his entries late at night; the USB stick is a ' +
  'grey 64 GB model he keeps in his desk drawer. Two colleagues also saw the meeting in the car park.';

/** The answers sent with every submission (≈1 KB of text). */
export const ANSWERS = { what_happened: WHAT_HAPPENED, where: WHERE, evidence: EVIDENCE, danger: 'no' };

/** @returns the raw multipart body and its content-type (with boundary) */
export async function submissionBody(): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append('category', SUBMIT_CATEGORY);
  form.append('answers', JSON.stringify(ANSWERS));
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}
