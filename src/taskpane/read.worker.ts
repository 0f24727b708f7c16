import { readText } from './readText';

/** Reading a pasted document off the page's thread: one read a message, answered in turn. */
self.onmessage = (event: MessageEvent<string>) => {
  const post = (self as unknown as { postMessage(m: unknown): void }).postMessage.bind(self);
  try {
    post({ ok: true, value: readText(event.data) });
  } catch (e) {
    post({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
