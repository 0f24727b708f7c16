// jsdom has no layout, so no ResizeObserver; Fluent UI tables observe their size. An observer that
// never fires is what a layout-free page would report anyway.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}
