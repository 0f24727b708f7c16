import { useCallback, useState } from 'react';

/** The boxes of one panel that hold text that is not a figure: label → reason. */
export type Invalid = ReadonlyMap<string, string>;

/** A panel's record of its boxes that cannot be read: its write waits until it is empty. */
export function useInvalidFields() {
  const [invalid, setInvalid] = useState<Invalid>(new Map());
  const report = useCallback((label: string, message: string | null) => {
    setInvalid((now) => {
      if ((now.get(label) ?? null) === message) return now;
      const next = new Map(now);
      if (message === null) next.delete(label);
      else next.set(label, message);
      return next;
    });
  }, []);
  return { invalid, report };
}

/** "Fix the boxes marked: A, B." or null. */
export function invalidReason(invalid: Invalid): string | null {
  return invalid.size ? `Fix the ${invalid.size === 1 ? 'box' : 'boxes'} marked first: ${[...invalid.keys()].join('; ')}.` : null;
}
