import { configure } from '@testing-library/dom';
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks what a browser has and the task pane uses: layout (so no ResizeObserver, which Fluent
// UI tables observe), Web Crypto (the source document's hash) and the text codecs. An observer
// that never fires is what a layout-free page would report anyway; crypto and codecs are Node's own.
if (typeof window !== 'undefined') {
  // An import runs the whole engine and the simulation; on a loaded two-core machine that can take
  // more than the default second before the result shows, most of all while the browser and
  // LibreOffice tests run beside it.
  configure({ asyncUtilTimeout: 30_000 });
  if (!('ResizeObserver' in window)) {
    class NoLayoutResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
  }
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
  if (!('TextEncoder' in globalThis)) Object.assign(globalThis, { TextEncoder, TextDecoder });
  // Reading a chosen file: jsdom's Blob has FileReader but not arrayBuffer().
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    };
  }
}
