/** SHA-256 of a document's text (UTF-8), as hex: stamped on the workbook so its source can be proven. Web Crypto, so the task pane and the CLI share it. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
