import { ErrorMessage } from './ErrorMessage.tsx';

/** A form's error (announced at once) and its success notice (announced politely). */
export function FormFeedback({ error, notice }: { error: string | null; notice: string }) {
  return (
    <>
      <ErrorMessage message={error} />
      <p role="status" className="notice">
        {notice}
      </p>
    </>
  );
}
