/** A number from what is typed in a box (£, commas, % and spaces allowed), or null while it is not one. */
export function typedNumber(value: string): number | null {
  const n = Number(value.replace(/[£,%\s]/g, ''));
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
}
