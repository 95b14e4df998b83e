/** What one format's cleaner produced; `cleanFile` turns it into the public `CleanResult`. */
export type Outcome =
  | { ok: true; data: Buffer; /** MIME type of `data` */ mime: string; note: string | null }
  | {
      ok: false;
      note: string;
      /** MIME type recognised inside the input (an Office type inside a ZIP) */ mime?: string;
    };

/** A refusal: `reason` in plain words, without a final full stop. */
export function refuse(reason: string): Outcome {
  return { ok: false, note: `${reason}; the original is kept sealed.` };
}

/**
 * The first line of a library's error message, for a note (libvips messages span several lines and end in
 * newlines). Bounded so that a hostile file cannot fill the note.
 */
export function detail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.trim().split('\n')[0]?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/** Decompression-bomb refusal, shared by every decoder. @param pixelLimit width × height */
export function tooLarge(pixelLimit: number): Outcome {
  const millions = Number((pixelLimit / 1e6).toPrecision(3));
  return refuse(`This image is too large to clean safely (over ${millions} million pixels)`);
}
