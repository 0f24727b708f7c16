/** SHA-256 of a document (its bytes, or its text as UTF-8), as hex: stamped on the workbook so its source can be proven. Web Crypto, so the task pane and the CLI share it. */
export async function sha256Hex(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
