import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IsoDate } from '../model/calendarDates';
import { dateText, figureText, readDate, readFigure, type FigureRule, type Typed } from '../model/typedFigures';

const useStyles = makeStyles({
  // The whole value stays visible: the box takes its column's width, never less than a figure needs.
  input: { minWidth: '6rem', width: '100%' },
});

export { invalidReason, useInvalidFields, type Invalid } from './invalidFields';

interface TypedFieldProps<T> {
  readonly label: string;
  readonly value: T | null;
  readonly read: (text: string) => Typed<T>;
  readonly show: (value: T) => string;
  readonly onValue: (value: T | null) => void;
  readonly report: (label: string, message: string | null) => void;
  readonly hint?: string;
  /** A shorter visible label where the context names the rest; the full label is the accessible name. */
  readonly visibleLabel?: string;
  readonly size?: 'small' | 'medium';
  readonly numeric?: boolean;
}

/**
 * A box for one typed value. It keeps exactly what was typed: a value it can read goes to the
 * model at once; anything else stays in the box, marked, with the reason directly under it, and is
 * reported so the panel's write waits. A value changed elsewhere (the workbook) is shown unless
 * the box holds text being corrected.
 */
function TypedField<T>({ label, value, read, show, onValue, report, hint, visibleLabel, size = 'medium', numeric = false }: TypedFieldProps<T>) {
  const styles = useStyles();
  const [text, setText] = useState(value === null ? '' : show(value));
  const [message, setMessage] = useState<string | null>(null);
  const shown = useRef(value);

  useEffect(() => {
    if (message === null && value !== shown.current) {
      shown.current = value;
      setText(value === null ? '' : show(value));
    }
  }, [value, message, show]);
  // A box that goes away takes its mark with it.
  useEffect(() => () => report(label, null), [label, report]);

  const change = (typed: string) => {
    setText(typed);
    const r = read(typed);
    const problem = r.kind === 'invalid' ? r.message : null;
    setMessage(problem);
    report(label, problem);
    if (r.kind !== 'invalid') {
      const next = r.kind === 'value' ? r.value : null;
      shown.current = next;
      onValue(next);
    }
  };

  return (
    <Field label={visibleLabel ?? label} hint={message === null ? hint : undefined} validationState={message === null ? 'none' : 'error'} validationMessage={message ?? undefined} size={size}>
      <Input className={styles.input} size={size} inputMode={numeric ? 'decimal' : 'text'} aria-label={visibleLabel === undefined ? undefined : label} value={text} onChange={(_, d) => change(d.value)} />
    </Field>
  );
}

type FieldProps<T> = Omit<TypedFieldProps<T>, 'read' | 'show' | 'numeric'>;

/** A figure: money as modellers write it (40k, £1.2m), a percentage, months, a count. */
export function FigureField({ rule, ...props }: FieldProps<number> & { readonly rule: FigureRule }) {
  const read = useCallback((t: string) => readFigure(t, rule), [rule]);
  const show = useCallback((v: number) => figureText(v, rule.unit), [rule.unit]);
  return <TypedField {...props} read={read} show={show} numeric={rule.unit !== 'gbp'} />;
}

/** A date, shown and typed day first (01/03/2027). */
export function DateField({ blankAllowed = false, ...props }: FieldProps<IsoDate> & { readonly blankAllowed?: boolean }) {
  const read = useCallback((t: string) => readDate(t, blankAllowed), [blankAllowed]);
  return <TypedField {...props} read={read} show={dateText} />;
}
