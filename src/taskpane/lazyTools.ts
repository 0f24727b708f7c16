/**
 * The pane shows its first step from a small script; the code for everything after a document is
 * read (the engine, the import pipeline, the workbook writer, the later steps' panels) is one
 * chunk, fetched once the first step is on screen. Whatever has a document or a model to show has
 * waited for it (`loadTools`), so it is there, synchronously, by the time it is drawn (`tools`).
 */
export type PaneTools = typeof import('./paneTools');

let loaded: PaneTools | null = null;
let loading: Promise<PaneTools> | null = null;

/** Loads the tools once; a failed load (the network) is tried again on the next call. */
export function loadTools(): Promise<PaneTools> {
  loading ??= import(/* webpackChunkName: "review" */ './paneTools').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The tools, for code that runs only once a document was read or a model taken up (both wait for them). */
export function tools(): PaneTools {
  if (!loaded) throw new Error("the pane's code for this step has not loaded yet");
  return loaded;
}
