/** Builds multipart/form-data bodies for `app.inject` with the platform's FormData and Blob (no hand-made parser). */
export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

export async function multipart(parts: Part[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const p of parts) {
    if (p.filename !== undefined)
      form.append(
        p.name,
        new Blob([typeof p.value === 'string' ? p.value : new Uint8Array(p.value)], {
          type: p.type ?? 'application/octet-stream',
        }),
        p.filename,
      );
    else form.append(p.name, String(p.value));
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

/** A report submission through the API. */
export function reportParts(input: {
  category: string;
  answers: Record<string, unknown>;
  identity?: Record<string, unknown>;
  files?: { filename: string; data: Buffer; type?: string }[];
}): Part[] {
  return [
    { name: 'category', value: input.category },
    { name: 'answers', value: JSON.stringify(input.answers) },
    ...(input.identity ? [{ name: 'identity', value: JSON.stringify(input.identity) }] : []),
    ...(input.files ?? []).map((f) => ({
      name: 'files',
      value: f.data,
      filename: f.filename,
      ...(f.type ? { type: f.type } : {}),
    })),
  ];
}
