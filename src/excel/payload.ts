/**
 * Excel on the web refuses a request, and a response, of `context.sync()` larger than 5 MB
 * (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded; Microsoft's "Resource limits
 * and performance optimization for Office Add-ins"). The writer and the reader size what they send
 * and ask for against a budget under it.
 */
export const EXCEL_PAYLOAD_LIMIT = 5_000_000;
/** What one request or response is planned to carry: the limit less a margin for what is estimated. */
export const PAYLOAD_BUDGET = 4_500_000;

/** Bytes of a value as JSON in UTF-8, as office-js sends and receives it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes for its 2 units
    else if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}
