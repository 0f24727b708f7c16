import type { WorkbookHost } from '../workbook/host';

/**
 * A workbook host whose code loads on its first use: every call waits for it, so the pane can
 * show its first step before the office-js writer (or the preview workbook) has loaded.
 */
export function lazyHost(kind: WorkbookHost['kind'], load: () => Promise<WorkbookHost>): WorkbookHost {
  let host: Promise<WorkbookHost> | null = null;
  const ready = () => {
    host ??= load().catch((e: unknown) => {
      host = null;
      throw e;
    });
    return host;
  };
  return {
    kind,
    readSnapshot: async (tables) => (await ready()).readSnapshot(tables),
    writePlan: async (plan) => (await ready()).writePlan(plan),
    readSelection: async () => (await ready()).readSelection(),
    select: async (sheet, address) => (await ready()).select(sheet, address),
    writeInputs: async (changes) => (await ready()).writeInputs(changes),
    watchInputs: async (onChange) => (await ready()).watchInputs(onChange),
  };
}
