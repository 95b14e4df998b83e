/** A failure the user should read now; screen readers announce it as it appears. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  return (
    <p role="alert" className={message ? 'error-message' : 'error-message error-message--empty'}>
      {message}
    </p>
  );
}
