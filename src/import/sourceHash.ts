/** SHA-256 of a document (its bytes, or its text as UTF-8), as hex: stamped on the workbook so its source can be proven. Web Crypto, so the task pane and the CLI share it. */
export async function sha256Hex(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash stamped for the documents of one import: a single file's own, or for several forms the hash of their hashes and names, in order. */
export async function documentsHash(files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<string> {
  if (files.length === 1) return sha256Hex(files[0]!.bytes);
  const lines: string[] = [];
  for (const f of files) lines.push(`${await sha256Hex(f.bytes)}  ${f.name}`);
  return sha256Hex(lines.join('\n'));
}
